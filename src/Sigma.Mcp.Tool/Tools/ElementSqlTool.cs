using System.ComponentModel;
using System.Net;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary><c>get_element_sql</c>: the SQL Sigma runs for an element.</summary>
[McpServerToolType]
internal sealed class ElementSqlTool(SigmaClient sigma, SearchIndexProvider index)
{
    [McpServerTool(Name = "get_element_sql", Title = "Get an element's SQL",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ElementSql))]
    [Description("Returns the SQL that Sigma runs against the warehouse for one element (a chart or table) of a workbook: how its numbers are computed. Text, image and control elements have none, and Sigma gives none for some tables fed by a data model or by custom SQL.")]
    public async Task<CallToolResult> GetElementSql(
        [Description("The workbook: id (UUID), urlId or Sigma URL.")] string workbook_id,
        [Description("The element's id (from search_documents or describe_workbook).")] string element_id,
        CancellationToken cancellationToken = default)
    {
        var workbook = await ToolArguments.ResolveWorkbookAsync(sigma, index, workbook_id, cancellationToken);
        ToolArguments.Require(element_id, "element_id", "an element id from describe_workbook or search_documents");
        try
        {
            var query = await sigma.GetElementQueryAsync(workbook.WorkbookId, element_id, cancellationToken);
            if (string.IsNullOrWhiteSpace(query.Sql))
            {
                throw new McpException($"Element '{element_id}' has no SQL{(query.Error is null ? "" : $" ({query.Error})")}.");
            }

            var result = new ElementSql(workbook.WorkbookId, element_id, query.Name, query.Sql);
            return ToolResult.Create(result, ToolJsonContext.Default.ElementSql, $"SQL of '{query.Name ?? element_id}' in '{workbook.Name}':\n{query.Sql}");
        }
        catch (SigmaApiException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            // Live tenants answer 404 not only for text, images and controls but also for tables fed by a data model and
            // for custom-SQL elements (see docs/sigma-recorded-shapes.md).
            throw new McpException($"Sigma has no SQL for element '{element_id}' of workbook '{workbook.Name}' ({(int)ex.Status!}): the element may not exist, " +
                "or be text, an image or a control; Sigma also answers so for tables fed by a data model and for custom-SQL elements. " +
                "get_lineage shows where its data comes from; describe_workbook lists its elements.");
        }
    }
}
