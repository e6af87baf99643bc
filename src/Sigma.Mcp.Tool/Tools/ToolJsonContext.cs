using System.Text.Json.Serialization;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Diagnostics;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Source-generated JSON for everything the tools return (and the CLI's <c>--json</c>). Nulls are written, not
/// omitted, so that structured content always carries every property its output schema lists as required.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(HeartbeatReport))]
[JsonSerializable(typeof(CacheStatus))]
internal sealed partial class ToolJsonContext : JsonSerializerContext;
