using System.Text.Json;
using System.Text.Json.Serialization;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Diagnostics;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Source-generated JSON for everything the tools return (and the CLI's <c>--json</c>). Nulls are omitted: they cost
/// the model tokens and say nothing; <see cref="PortableSchemas"/> makes every nullable property optional in the
/// advertised output schemas to match. It also reads the tool methods' arguments: the tool does not serialize by reflection
/// (see the project file), so a parameter of a type missing here fails its first call.
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
[JsonSerializable(typeof(int))] // and the tool methods' other parameter types (ToolMethodBinder)
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))] // ResultBudget measures structured content written with these options
internal sealed partial class ToolJsonContext : JsonSerializerContext;
