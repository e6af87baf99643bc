using System.ComponentModel;
using System.Net;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary><c>get_element_sql</c>: the SQL Sigma runs for an element.</summary>
[McpServerToolType]
internal sealed class ElementSqlTool(SigmaClient sigma, SearchIndexProvider index, ResultBudget budget)
{
    [McpServerTool(Name = ToolNames.GetElementSql, Title = "Get an element's SQL",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ElementSql))]
    [Description("Returns the SQL that Sigma runs against the warehouse for one element (a chart or table) of a workbook: how its numbers are computed. Text, image and control elements have none, and Sigma gives none for some tables fed by a data model or by custom SQL.")]
    public async Task<CallToolResult> GetElementSql(
        [Description("The workbook: id (UUID), urlId or Sigma URL.")] string workbook_id,
        [Description("The element's id (from search_documents or describe_workbook).")] string element_id,
        CancellationToken cancellationToken = default)
    {
        ToolArguments.Require(element_id, "element_id", "an element id from describe_workbook or search_documents", ToolNames.GetElementSql);
        var workbook = await ToolArguments.ResolveWorkbookAsync(sigma, index, workbook_id, cancellationToken, ToolNames.GetElementSql);
        try
        {
            var query = await sigma.GetElementQueryAsync(workbook.WorkbookId, element_id, cancellationToken);
            if (string.IsNullOrWhiteSpace(query.Sql))
            {
                throw new McpException($"Element '{element_id}' has no SQL{(query.Error is null ? "" : $" ({query.Error})")}.");
            }

            // The SQL appears twice (text and structure), so each copy gets half the budget; a cut says how long the whole is.
            var sql = query.Sql;
            var (result, _) = budget.Fit(sql.Length, n =>
            {
                var note = n < sql.Length ? $"The SQL was cut to its first {n:N0} of {sql.Length:N0} characters to fit the response budget; get_lineage shows what it reads from." : null;
                var value = new ElementSql(workbook.WorkbookId, element_id, query.Name, sql[..n], note);
                return ToolResult.Create(value, ToolJsonContext.Default.ElementSql, $"SQL of '{query.Name ?? element_id}' in '{workbook.Name}':\n{sql[..n]}{(note is null ? "" : "\n" + note)}");
            });
            return result;
        }
        catch (SigmaApiException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            // Live tenants answer 404 not only for text, images and controls but also for tables fed by a data model and
            // for custom-SQL elements (see docs/sigma-recorded-shapes.md).
            throw new McpException($"Sigma has no SQL for element '{element_id}' of workbook '{workbook.Name}' ({(int)ex.Status!}): the element may not exist, " +
                "or be text, an image or a control; Sigma also answers so for tables fed by a data model and for custom-SQL elements. " +
                $"{ToolCall.Format(ToolNames.GetLineage, ("workbook_id", workbook.WorkbookId), ("element_id", element_id))} shows where its data comes from; " +
                $"{ToolCall.Format(ToolNames.DescribeWorkbook, ("workbook_id", workbook.WorkbookId))} lists its elements.");
        }
    }
}
