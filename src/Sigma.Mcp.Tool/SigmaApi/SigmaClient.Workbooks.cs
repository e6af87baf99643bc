using Sigma.Mcp.Tool.SigmaApi.Models;
using Sigma.Mcp.Tool.SigmaApi.Paging;

namespace Sigma.Mcp.Tool.SigmaApi;

internal sealed partial class SigmaClient
{
    /// <summary><c>GET /v2/workbooks</c>: every workbook the credentials can see.</summary>
    public IAsyncEnumerable<Workbook> ListWorkbooksAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        ListAsync("v2/workbooks", SigmaJsonContext.Default.Workbook, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/workbooks/{workbookId}</c> (a UUID; see <see cref="ResolveWorkbookAsync"/> for urlIds and URLs).</summary>
    public Task<Workbook> GetWorkbookAsync(string workbookId, CancellationToken cancellationToken = default) =>
        GetAsync($"v2/workbooks/{Segment(workbookId)}", SigmaJsonContext.Default.Workbook, cancellationToken);

    public IAsyncEnumerable<WorkbookPage> ListWorkbookPagesAsync(string workbookId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/workbooks/{Segment(workbookId)}/pages", SigmaJsonContext.Default.WorkbookPage, cancellationToken: cancellationToken);

    public IAsyncEnumerable<SigmaElement> ListPageElementsAsync(string workbookId, string pageId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/workbooks/{Segment(workbookId)}/pages/{Segment(pageId)}/elements", SigmaJsonContext.Default.SigmaElement, cancellationToken: cancellationToken);

    public IAsyncEnumerable<SigmaElement> ListWorkbookElementsAsync(string workbookId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/workbooks/{Segment(workbookId)}/elements", SigmaJsonContext.Default.SigmaElement, cancellationToken: cancellationToken);

    public IAsyncEnumerable<ElementColumn> ListElementColumnsAsync(string workbookId, string elementId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/workbooks/{Segment(workbookId)}/elements/{Segment(elementId)}/columns", SigmaJsonContext.Default.ElementColumn, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/workbooks/{id}/columns</c>: every element's columns in one list, each with its <c>elementId</c>.</summary>
    public IAsyncEnumerable<ElementColumn> ListWorkbookColumnsAsync(string workbookId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/workbooks/{Segment(workbookId)}/columns", SigmaJsonContext.Default.ElementColumn, cancellationToken: cancellationToken);

    /// <summary>The SQL behind an element. Sigma answers 404 for elements without a query (text, images, and on live tenants also some tables fed by a data model or custom SQL).</summary>
    public Task<ElementQuery> GetElementQueryAsync(string workbookId, string elementId, CancellationToken cancellationToken = default) =>
        GetAsync($"v2/workbooks/{Segment(workbookId)}/elements/{Segment(elementId)}/query", SigmaJsonContext.Default.ElementQuery, cancellationToken);

    public Task<ElementLineage> GetElementLineageAsync(string workbookId, string elementId, CancellationToken cancellationToken = default) =>
        GetAsync($"v2/workbooks/{Segment(workbookId)}/lineage/elements/{Segment(elementId)}", SigmaJsonContext.Default.ElementLineage, cancellationToken);

    /// <summary>A workbook's data sources (Sigma answers a bare array).</summary>
    public IAsyncEnumerable<WorkbookSource> ListWorkbookSourcesAsync(string workbookId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/workbooks/{Segment(workbookId)}/sources", SigmaJsonContext.Default.WorkbookSource, cancellationToken: cancellationToken);

    public IAsyncEnumerable<WorkbookControl> ListWorkbookControlsAsync(string workbookId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/workbooks/{Segment(workbookId)}/controls", SigmaJsonContext.Default.WorkbookControl, cancellationToken: cancellationToken);

    public IAsyncEnumerable<WorkbookTag> ListWorkbookTagsAsync(string workbookId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/workbooks/{Segment(workbookId)}/tags", SigmaJsonContext.Default.WorkbookTag, cancellationToken: cancellationToken);

    /// <summary>
    /// A workbook named by its UUID, its urlId, or a full Sigma URL. A urlId is looked up in the workbook list,
    /// because Sigma's API takes only UUIDs.
    /// </summary>
    public async Task<Workbook> ResolveWorkbookAsync(string reference, CancellationToken cancellationToken = default)
    {
        var parsed = WorkbookReference.Parse(reference);
        if (parsed.WorkbookId is { } id)
        {
            return await GetWorkbookAsync(id, cancellationToken);
        }

        await foreach (var workbook in ListWorkbooksAsync(cancellationToken: cancellationToken))
        {
            if (string.Equals(workbook.WorkbookUrlId, parsed.UrlId, StringComparison.Ordinal))
            {
                return workbook;
            }
        }

        throw new SigmaApiException(System.Net.HttpStatusCode.NotFound, "not_found",
            $"No workbook with urlId '{parsed.UrlId}' is visible to these credentials.", null, "GET", "/v2/workbooks");
    }
}
