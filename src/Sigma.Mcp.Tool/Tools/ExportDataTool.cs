using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Documents;
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
internal sealed class ExportDataTool(SigmaClient sigma, SearchIndexProvider index, ResultBudget budget)
{
    public const int MaxRowLimit = 10_000;

    private static readonly TimeSpan s_deadline = TimeSpan.FromMinutes(2);

    [McpServerTool(Name = ToolNames.ExportData, Title = "Read an element's data",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ExportPage))]
    [Description("""
        Reads the rows of one element (a table or chart) of a workbook, as Sigma computes them, one page at a time.
        Returns columns and rows (the text shows them as CSV), how many came back, whether the page was cut to fit (truncated) and next_offset to read on.
        Set control values with 'parameters' (describe_workbook lists the controls) or a date range with 'date_filter'.
        """)]
    public async Task<CallToolResult> ExportData(
        [Description("The workbook: id (UUID), urlId or Sigma URL.")] string workbook_id,
        [Description("The element's id (from search_documents or describe_workbook).")] string element_id,
        [Description("json keeps numbers and booleans typed in the structured rows; csv gives every value as text.")] string format = "json",
        [Description("A date range for the workbook's date control: 'last-30-days', or 'min:2026-01-01,max:2026-01-31'.")] string date_filter = "",
        [Description("Control values by control id, e.g. {\"p_region\": \"EMEA\"}.")] Dictionary<string, string>? parameters = null,
        [Description("Rows to read, 1 to 10,000 (fewer come back when they do not fit the response; next_offset says where to go on).")] int limit = 100,
        [Description("Rows to skip: next_offset from the previous page.")] int offset = 0,
        IProgress<ProgressNotificationValue>? progress = null,
        CancellationToken cancellationToken = default)
    {
        const string Tool = ToolNames.ExportData;
        ToolArguments.Require(element_id, "element_id", "an element id from describe_workbook or search_documents", Tool);
        var kind = (format ?? "json").Trim().ToLowerInvariant();
        if (kind is not ("csv" or "json"))
        {
            throw ToolArguments.Invalid(Tool, "format", $"'format' must be csv or json, not '{format}'.");
        }

        ToolArguments.InRange(Tool, "limit", limit, 1, MaxRowLimit);
        ToolArguments.InRange(Tool, "offset", offset, 0, int.MaxValue);
        var workbook = await ToolArguments.ResolveWorkbookAsync(sigma, index, workbook_id, cancellationToken, Tool);
        var values = await ExportParameters.ResolveAsync(sigma, workbook.WorkbookId, parameters, date_filter, cancellationToken);

        // Always JSON lines: a line is a record, so a file cut at a line break is cut at a record boundary (a CSV field
        // may hold line breaks); the text's CSV is rendered here.
        ExportStarted started;
        try
        {
            started = await sigma.StartExportAsync(workbook.WorkbookId,
                new ExportRequest(element_id, new ExportFormat("jsonl"), values.Count > 0 ? values : null, limit, offset > 0 ? offset : null),
                cancellationToken);
        }
        catch (SigmaApiException ex) when (ex.Status is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.BadRequest)
        {
            // The workbook was just found, so the host is right: the element is what Sigma did not take.
            throw new McpException($"Sigma could not export element '{element_id}' of workbook '{workbook.Name}': {(ex.SigmaMessage ?? ex.ErrorCode ?? ((int)ex.Status!).ToString(System.Globalization.CultureInfo.InvariantCulture)).TrimEnd('.')}. " +
                $"Only tables, pivot tables and charts have data; {ToolCall.Format(ToolNames.DescribeWorkbook, ("workbook_id", workbook.WorkbookId))} lists the elements.");
        }

        // An export can take a while in Sigma: say where it is (a client that sent no progressToken hears nothing).
        progress?.Report(new ProgressNotificationValue { Progress = 1, Total = 2, Message = $"Sigma is computing the export (query {started.QueryId})" });

        // The rows appear twice (CSV text and structured rows), and JSON lines repeat every key on every row, so the
        // file is read only as far as can fit.
        var file = await sigma.DownloadExportAsync(started.QueryId, s_deadline, budget.MaxChars * 2, cancellationToken);
        progress?.Report(new ProgressNotificationValue { Progress = 2, Total = 2, Message = "Export downloaded" });
        var (columns, rows) = ExportRows.FromJsonLines(file.Content);
        if (kind == "csv")
        {
            rows = ExportRows.AsText(rows);
        }

        CallToolResult Build(int n, int shortened)
        {
            var truncated = file.Truncated || n < rows.Count || shortened > 0;
            var more = file.Truncated || n < rows.Count || n == limit;
            var note = shortened > 0
                ? $"This one row is larger than a response: {shortened} long cell(s) were shortened (each ends with '[shortened from N characters]'). Call again with offset={offset + n} for the next rows."
                : truncated
                ? $"Cut to {n} rows to fit the response budget: call again with offset={offset + n} for more."
                : more ? $"There may be more rows: call again with offset={offset + n}." : null;
            var page = new ExportPage(workbook.WorkbookId, element_id, kind, columns, rows[..n], n, offset, truncated, more ? offset + n : null, started.QueryId, note);
            var summary = $"{n} row(s) of element {element_id} in '{workbook.Name}' from offset {offset}{(truncated ? " (truncated)" : "")}.{(note is null ? "" : " " + note)}";
            return ToolResult.Create(page, ToolJsonContext.Default.ExportPage, $"{summary}\n{ExportRows.ToCsv(columns, rows.Take(n))}");
        }

        var (result, count) = budget.Fit(rows.Count, n => Build(n, 0));
        if (count > 0 || rows.Count == 0)
        {
            return result;
        }

        // Not even one row fits: that row comes back with its long cells shortened, so paging always advances.
        (rows[0], var cut) = ExportRows.ShortenFirst(rows, budget.MaxChars / 3);
        return Build(1, cut);
    }
}
