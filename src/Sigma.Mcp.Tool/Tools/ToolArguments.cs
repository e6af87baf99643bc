using ModelContextProtocol;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>Argument checks shared by the tools; failures are <see cref="McpException"/>s whose message names the fix.</summary>
internal static class ToolArguments
{
    public static void Require(string? value, string name, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new McpException($"{name} is empty: pass {what}.");
        }
    }

    /// <summary>
    /// The workbook named by an id, urlId or URL. A urlId is looked up in the search index first (one dictionary
    /// lookup), so Sigma's workbook list is walked only for workbooks the cache does not know yet.
    /// </summary>
    public static async Task<Workbook> ResolveWorkbookAsync(SigmaClient sigma, SearchIndexProvider index, string? reference, CancellationToken cancellationToken)
    {
        Require(reference, "workbook_id", "a workbook id, urlId or Sigma URL (search_documents finds them)");
        try
        {
            if (WorkbookReference.Parse(reference!) is { WorkbookId: null, UrlId: { } urlId }
                && (await index.GetAsync(cancellationToken)).Index?.Find(urlId) is { Type: DocumentTypes.Workbook } cached)
            {
                return await sigma.GetWorkbookAsync(cached.Id, cancellationToken);
            }

            return await sigma.ResolveWorkbookAsync(reference!, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new McpException(ex.Message);
        }
    }
}
