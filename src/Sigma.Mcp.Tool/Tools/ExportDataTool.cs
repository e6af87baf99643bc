using System.ComponentModel;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// <c>export_data</c>: one page of an element's data, within the response budget. Compatible with the original
/// server's arguments (<c>workbook_id</c>, <c>element_id</c>, <c>format</c>, <c>date_filter</c>).
/// </summary>
[McpServerToolType]
internal sealed partial class ExportDataTool(SigmaClient sigma, SearchIndexProvider index)
{
    public const int MaxRowLimit = 10_000;

    /// <summary>Bytes of file read per call: about a third of the budget, since the rows appear as text and as structure.</summary>
    public const int MaxBytes = 30_000;

    private static readonly TimeSpan s_deadline = TimeSpan.FromMinutes(2);

    [McpServerTool(Name = "export_data", Title = "Read an element's data",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ExportPage))]
    [Description("""
        Reads the rows of one element (a table or chart) of a workbook, as Sigma computes them, one page at a time.
        Returns columns and rows, how many came back, whether the page was cut to fit (truncated) and next_offset to read on.
        Set control values with 'parameters' (describe_workbook lists the controls) or a date range with 'date_filter'.
        """)]
    public async Task<CallToolResult> ExportData(
        [Description("The workbook: id (UUID), urlId or Sigma URL.")] string workbook_id,
        [Description("The element's id (from search_documents or describe_workbook).")] string element_id,
        [Description("csv or json: how the rows are shown as text.")] string format = "json",
        [Description("A date range for the workbook's date control: 'last-30-days', or 'min:2026-01-01,max:2026-01-31'.")] string date_filter = "",
        [Description("Control values by control id, e.g. {\"p_region\": \"EMEA\"}.")] Dictionary<string, string>? parameters = null,
        [Description("Rows to read, 1 to 10,000 (fewer may come back if they do not fit).")] int row_limit = 100,
        [Description("Rows to skip: next_offset from the previous page.")] int offset = 0,
        CancellationToken cancellationToken = default)
    {
        ToolArguments.Require(element_id, "element_id", "an element id from describe_workbook or search_documents");
        var kind = (format ?? "json").Trim().ToLowerInvariant();
        if (kind is not ("csv" or "json"))
        {
            throw new McpException($"format '{format}' is not csv or json.");
        }

        if (row_limit is < 1 or > MaxRowLimit)
        {
            throw new McpException($"row_limit must be from 1 to {MaxRowLimit}; it was {row_limit}.");
        }

        if (offset < 0)
        {
            throw new McpException($"offset must be 0 or more; it was {offset}.");
        }

        var workbook = await ToolArguments.ResolveWorkbookAsync(sigma, index, workbook_id, cancellationToken);
        var values = new Dictionary<string, string>(parameters ?? [], StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(date_filter))
        {
            values[await DateControlAsync(workbook.WorkbookId, cancellationToken)] = DateRange(date_filter);
        }

        // Always JSON lines: a line is a record, so a cut never splits one (a CSV field may hold line breaks); CSV is rendered here.
        var started = await sigma.StartExportAsync(workbook.WorkbookId,
            new ExportRequest(element_id, new ExportFormat("jsonl"), values.Count > 0 ? values : null, row_limit, offset > 0 ? offset : null),
            cancellationToken);
        var file = await sigma.DownloadExportAsync(started.QueryId, s_deadline, MaxBytes, cancellationToken);
        var (columns, rows) = ExportRows.FromJsonLines(file.Content);
        var shortened = ExportRows.ShortenToFit(rows, MaxBytes);

        var more = file.Truncated || rows.Count == row_limit;
        var note = shortened > 0
            ? $"This one row is larger than a response: {shortened} long cell(s) were shortened (each ends with '[shortened from N characters]'). Call again with offset={offset + rows.Count} for the next row."
            : file.Truncated
            ? $"Cut to {rows.Count} rows to fit the response; call again with offset={offset + rows.Count} for more, or ask for fewer columns' worth of rows."
            : more ? $"There may be more rows: call again with offset={offset + rows.Count}." : null;
        var page = new ExportPage(workbook.WorkbookId, element_id, kind, columns, rows, rows.Count, offset, file.Truncated || shortened > 0, more ? offset + rows.Count : null, started.QueryId, note);
        var summary = $"{rows.Count} row(s) of element {element_id} in '{workbook.Name}' from offset {offset}{(page.Truncated ? " (truncated)" : "")}.{(note is null ? "" : " " + note)}";
        var text = $"{summary}\n{(kind == "csv" ? ExportRows.ToCsv(columns, rows) : ExportRows.ToJsonLines(columns, rows))}";
        return ToolResult.Create(page, ToolJsonContext.Default.ExportPage, text);
    }

    // The original server's mapping: 'last-N-days' means from N days ago to now; explicit min:/max: passes through.
    private static string DateRange(string filter)
    {
        var text = filter.Trim();
        if (LastDays().Match(text) is { Success: true } m)
        {
            return $"min:last-day-{m.Groups[1].Value},max:";
        }

        return text.Contains("min:", StringComparison.Ordinal) || text.Contains("max:", StringComparison.Ordinal)
            ? text
            : throw new McpException($"date_filter '{filter}' is not understood: use 'last-30-days' or 'min:2026-01-01,max:2026-01-31'.");
    }

    private async Task<string> DateControlAsync(string workbookId, CancellationToken cancellationToken)
    {
        var controls = await sigma.ListWorkbookControlsAsync(workbookId, cancellationToken).ToListAsync(cancellationToken);
        var dates = controls.Where(c => c.ValueType?.Contains("date", StringComparison.OrdinalIgnoreCase) == true).ToList();
        return dates.Count switch
        {
            1 => dates[0].ControlId ?? dates[0].Name,
            0 when controls.Count == 0 => "p_datefilter", // the original server's control id
            0 => throw new McpException($"The workbook has no date control for date_filter; its controls are {string.Join(", ", controls.Select(c => c.ControlId ?? c.Name))}. Use 'parameters' instead."),
            _ => throw new McpException($"The workbook has several date controls ({string.Join(", ", dates.Select(c => c.ControlId ?? c.Name))}); set one with 'parameters' instead of date_filter."),
        };
    }

    [GeneratedRegex("^last-(\\d{1,4})-days?$", RegexOptions.IgnoreCase)]
    private static partial Regex LastDays();
}
