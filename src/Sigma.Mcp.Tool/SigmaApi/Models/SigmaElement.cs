namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>An element (table, chart, pivot, control, text...) of a workbook page or data model.</summary>
internal sealed record SigmaElement(
    string ElementId,
    string? Name = null,
    string? Type = null,
    IReadOnlyList<string>? Columns = null,
    string? VizualizationType = null,
    string? Error = null);
