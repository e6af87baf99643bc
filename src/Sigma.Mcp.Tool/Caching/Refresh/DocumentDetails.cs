using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Caching.Refresh;

/// <summary>
/// Fetches a document's structure: a workbook's pages and their elements (with column names), a data model's elements.
/// A failure (403, 404, a timeout) is recorded on the document instead of failing the refresh.
/// </summary>
internal sealed class DocumentDetails(SigmaClient sigma)
{
    public static bool HasDetails(CachedDocument document) => document.Type is DocumentTypes.Workbook or DocumentTypes.DataModel;

    public async Task<CachedDocument> FetchAsync(CachedDocument document, CancellationToken cancellationToken)
    {
        try
        {
            return document.Type switch
            {
                DocumentTypes.Workbook => await FetchWorkbookAsync(document, cancellationToken),
                DocumentTypes.DataModel => document with
                {
                    Elements = await sigma.ListDataModelElementsAsync(document.Id, cancellationToken)
                        .Select(e => new CachedElement(e.ElementId, e.Name, e.Type, null, e.Columns ?? []))
                        .ToListAsync(cancellationToken),
                    DetailError = null,
                },
                _ => document,
            };
        }
        catch (SigmaApiException ex)
        {
            return document with { Pages = [], Elements = [], DetailError = ex.Status is { } s ? $"{(int)s} {ex.ErrorCode}" : ex.ErrorCode ?? "error" };
        }
    }

    private async Task<CachedDocument> FetchWorkbookAsync(CachedDocument workbook, CancellationToken cancellationToken)
    {
        var pages = await sigma.ListWorkbookPagesAsync(workbook.Id, cancellationToken).ToListAsync(cancellationToken);
        var elements = new List<CachedElement>();
        foreach (var page in pages)
        {
            await foreach (var element in sigma.ListPageElementsAsync(workbook.Id, page.PageId, cancellationToken))
            {
                elements.Add(new CachedElement(element.ElementId, element.Name, element.Type, page.PageId, element.Columns ?? []));
            }
        }

        return workbook with
        {
            Pages = [.. pages.Select(p => new CachedPage(p.PageId, p.Name))],
            Elements = elements,
            DetailError = null,
        };
    }
}
