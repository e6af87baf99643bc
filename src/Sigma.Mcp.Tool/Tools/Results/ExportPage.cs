using System.Text.Json;

namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>
/// One page of an element's data from <c>export_data</c>. <see cref="NextOffset"/> is set when more rows may follow:
/// call again with <c>offset</c> = <see cref="NextOffset"/>.
/// </summary>
internal sealed record ExportPage(
    string WorkbookId,
    string ElementId,
    string Format,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<JsonElement>> Rows,
    int RowCount,
    int Offset,
    bool Truncated,
    int? NextOffset,
    string QueryId,
    string? Note);
