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

/// <summary><c>get_lineage</c>: where an element's data comes from.</summary>
[McpServerToolType]
internal sealed class LineageTool(SigmaClient sigma, SearchIndexProvider index, ResultBudget budget)
{
    [McpServerTool(Name = ToolNames.GetLineage, Title = "Get an element's lineage",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(ElementLineageResult))]
    [Description("Returns an element's upstream lineage: the warehouse tables, data models, datasets, custom SQL and other elements its data comes from, as nodes and edges.")]
    public async Task<CallToolResult> GetLineage(
        [Description("The workbook: id (UUID), urlId or Sigma URL.")] string workbook_id,
        [Description("The element's id (from search_documents or describe_workbook).")] string element_id,
        CancellationToken cancellationToken = default)
    {
        ToolArguments.Require(element_id, "element_id", "an element id from describe_workbook or search_documents", ToolNames.GetLineage);
        var workbook = await ToolArguments.ResolveWorkbookAsync(sigma, index, workbook_id, cancellationToken, ToolNames.GetLineage);
        try
        {
            var lineage = await sigma.GetElementLineageAsync(workbook.WorkbookId, element_id, cancellationToken);
            var cached = (await index.GetAsync(cancellationToken)).Index;
            // Team mode: a data model the caller may not see is not named from the cache.
            var full = LineageGraph.Build(workbook.WorkbookId, element_id, lineage,
                urlId => cached?.Find(urlId) is { } document && DocumentAccess.Allows(document.Id) ? document : null);
            var nodes = full.Nodes;
            var (result, _) = budget.Fit(nodes.Count, n =>
            {
                var shown = nodes.Take(n).Select(x => x.NodeId).Append(full.RootNodeId).ToHashSet(StringComparer.Ordinal);
                var note = n < nodes.Count ? $"Cut to {n} of {nodes.Count} nodes to fit the response budget: call get_lineage on an upstream element (its element_id) to follow one branch." : null;
                var value = full with { Nodes = [.. nodes.Take(n)], Edges = [.. full.Edges.Where(e => shown.Contains(e.Source) || shown.Contains(e.Target))], Note = note };
                var text = $"Lineage of element {element_id} in '{workbook.Name}': " +
                    (nodes.Count == 0 ? "no upstream sources." : "upstream " + string.Join("; ", nodes.Take(n).Select(Describe))) + (note is null ? "" : "\n" + note);
                return ToolResult.Create(value, ToolJsonContext.Default.ElementLineageResult, text);
            });
            return result;
        }
        catch (SigmaApiException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.InternalServerError)
        {
            throw new McpException($"Sigma has no lineage for element '{element_id}' of '{workbook.Name}' ({(int)ex.Status!}): it may not exist, or be a text or control element.");
        }
    }

    private static string Describe(LineageNodeItem n) =>
        $"{n.Name ?? n.NodeId} ({n.Type}{(n.DataModelName is null || n.DataModelName == n.Name ? "" : $" of data model '{n.DataModelName}'")})";
}
