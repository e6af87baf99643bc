using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>The body of <c>POST /v2/workbooks/{id}/export</c> for one element's data.</summary>
internal sealed record ExportRequest(
    string ElementId,
    ExportFormat Format,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Parameters = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RowLimit = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Offset = null);
