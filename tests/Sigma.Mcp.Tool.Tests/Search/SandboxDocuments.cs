using Sigma.Mcp.Tool.Caching;
using Sigma.Sandbox;
using Sigma.Sandbox.Model;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// The sandbox organization as the cache would hold it: every workbook, data model, dataset and report, with owner
/// names, pages, elements and column names. Shared with the benchmarks (linked there).
/// </summary>
internal static class SandboxDocuments
{
    public static List<CachedDocument> From(SandboxData data)
    {
        var owners = data.Members.ToDictionary(m => m.MemberId, m => m.Name, StringComparer.Ordinal);

        // Pages and elements are regenerated per workbook on demand, which dominates at 100,000 workbooks: in parallel.
        var workbooks = data.Workbooks.AsParallel().AsOrdered().Select(w =>
        {
            var pages = data.GetPages(w.Id);
            return Base(w, owners) with
            {
                Tags = [.. w.Tags.Select(t => t.Name)],
                LatestVersion = w.LatestVersion,
                Pages = [.. pages.Select(p => new CachedPage(p.PageId, p.Name))],
                Elements = [.. pages.SelectMany(p => p.Elements.Select(e => Element(e, p.PageId)))],
            };
        });
        var models = data.DataModels.Select(m => Base(m, owners) with
        {
            Tags = [.. m.Tags.Select(t => t.TagName)],
            LatestVersion = m.LatestVersion,
            Elements = [.. data.GetDataModelElements(m.Id).Select(e => Element(e, null))],
        });
        var datasets = data.Datasets.Select(d => Base(d, owners));
        var reports = data.Reports.Select(r => Base(r, owners) with { LatestVersion = r.LatestVersion });
        return [.. workbooks, .. models, .. datasets, .. reports];
    }

    private static CachedElement Element(SandboxElement element, string? pageId) =>
        new(element.ElementId, element.Name, element.Type, pageId, [.. element.Columns.Select(c => c.Label)]);

    private static CachedDocument Base(SandboxDocument document, Dictionary<string, string> owners) => new()
    {
        Id = document.Id,
        Type = document.FileType,
        Name = document.Name,
        UrlId = document.UrlId,
        Description = document.Description,
        Path = document.Path,
        Badge = document.Badge,
        OwnerId = document.OwnerId,
        OwnerName = owners.GetValueOrDefault(document.OwnerId),
        CreatedAt = document.CreatedAt,
        UpdatedAt = document.UpdatedAt,
        IsArchived = document.IsArchived,
    };
}
