using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// Source-generated JSON for what both caches store (camelCase; times keep their exact UTC instant). Nulls are left
/// out: a DynamoDB item is billed by its size.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(CachedDocument))]
[JsonSerializable(typeof(CachedMember))]
[JsonSerializable(typeof(CacheMetadata))]
[JsonSerializable(typeof(RefreshLease))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
