using System.Text.Json.Serialization;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Diagnostics;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Source-generated JSON for everything the tools return (and the CLI's <c>--json</c>). Nulls are omitted: they cost
/// the model tokens and say nothing; <see cref="PortableSchemas"/> makes every nullable property optional in the
/// advertised output schemas to match.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = false)]
[JsonSerializable(typeof(HeartbeatReport))]
[JsonSerializable(typeof(CacheStatus))]
[JsonSerializable(typeof(SearchResults))]
[JsonSerializable(typeof(ElementSql))]
[JsonSerializable(typeof(ElementLineageResult))]
[JsonSerializable(typeof(ExportPage))]
[JsonSerializable(typeof(RefreshResult))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
internal sealed partial class ToolJsonContext : JsonSerializerContext;
