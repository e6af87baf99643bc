using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Documents;

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
            switch (document.Type)
            {
                case DocumentTypes.Workbook:
                    var (pages, elements) = await FetchWorkbookStructureAsync(sigma, document.Id, cancellationToken);
                    return document with { Pages = pages, Elements = elements, DetailError = null };
                case DocumentTypes.DataModel:
                    return document with { Elements = await FetchDataModelElementsAsync(sigma, document.Id, cancellationToken), DetailError = null };
                default:
                    return document;
            }
        }
        catch (SigmaApiException ex)
        {
            return document with { Pages = [], Elements = [], DetailError = ex.Status is { } s ? $"{(int)s} {ex.ErrorCode}" : ex.ErrorCode ?? "error" };
        }
    }

    /// <summary>A workbook's pages, in order, and their elements with column names: one call per page, plus one.</summary>
    public static async Task<(IReadOnlyList<CachedPage> Pages, IReadOnlyList<CachedElement> Elements)> FetchWorkbookStructureAsync(
        SigmaClient sigma, string workbookId, CancellationToken cancellationToken)
    {
        var pages = await sigma.ListWorkbookPagesAsync(workbookId, cancellationToken).Select(p => new CachedPage(p.PageId, p.Name)).ToListAsync(cancellationToken);
        var elements = new List<CachedElement>();
        foreach (var page in pages)
        {
            await foreach (var element in sigma.ListPageElementsAsync(workbookId, page.PageId, cancellationToken))
            {
                elements.Add(new CachedElement(element.ElementId, element.Name, element.Type, page.PageId, element.Columns ?? []));
            }
        }

        return (pages, elements);
    }

    /// <summary>A data model's elements with column names.</summary>
    public static async Task<IReadOnlyList<CachedElement>> FetchDataModelElementsAsync(SigmaClient sigma, string dataModelId, CancellationToken cancellationToken) =>
        await sigma.ListDataModelElementsAsync(dataModelId, cancellationToken)
            .Select(e => new CachedElement(e.ElementId, e.Name, e.Type, null, e.Columns ?? []))
            .ToListAsync(cancellationToken);
}
