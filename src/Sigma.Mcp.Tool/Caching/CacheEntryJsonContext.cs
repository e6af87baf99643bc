using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// How cache entries are stored: JSON, so that times keep their exact UTC instant and both backends store the same bytes.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CachedDocument))]
[JsonSerializable(typeof(CachedMember))]
[JsonSerializable(typeof(CacheMetadata))]
[JsonSerializable(typeof(RefreshLease))]
internal sealed partial class CacheJsonContext : JsonSerializerContext;
