using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.Documents;

/// <summary>
/// Describes workbooks and data models for the tools and the resources: structure from the cache when the cached
/// version is the current one (one cheap call to check), from Sigma otherwise; controls and sources always from Sigma.
/// </summary>
internal sealed class WorkbookDescriber(SigmaClient sigma, SearchIndexProvider index)
{
    private const int MaxColumnsPerElement = 60;

    public async Task<WorkbookDescription> DescribeWorkbookAsync(string reference, CancellationToken cancellationToken)
    {
        var live = await DocumentResolver.ResolveWorkbookAsync(sigma, index, ToolNames.DescribeWorkbook, reference, cancellationToken);
        var cached = (await index.GetAsync(cancellationToken)).Index?.Find(live.WorkbookId) is { Type: DocumentTypes.Workbook } document ? document : null;
        var fresh = cached is not null && cached.DetailError is null && cached.LatestVersion == live.LatestVersion && cached.UpdatedAt == live.UpdatedAt;

        IReadOnlyList<CachedPage> pages;
        IReadOnlyList<CachedElement> elements;
        if (fresh)
        {
            (pages, elements) = (cached!.Pages, cached.Elements);
        }
        else
        {
            (pages, elements) = await DocumentDetails.FetchWorkbookStructureAsync(sigma, live.WorkbookId, cancellationToken);
        }

        var notes = new List<string>();
        var controls = await BestEffortAsync(sigma.ListWorkbookControlsAsync(live.WorkbookId, cancellationToken)
            .Select(c => new ControlDescription(c.ControlId, c.Name, c.ValueType)), "controls", notes, cancellationToken);
        var sources = await BestEffortAsync(sigma.ListWorkbookSourcesAsync(live.WorkbookId, cancellationToken)
            .Select(s => new SourceDescription(s.Type, s.Name ?? s.Path, s.DataModelId ?? s.DatasetId ?? s.InodeId ?? s.ConnectionId)), "sources", notes, cancellationToken);

        var types = ColumnTypes(await BestEffortAsync(sigma.ListWorkbookColumnsAsync(live.WorkbookId, cancellationToken), "column types", notes, cancellationToken));
        var truncated = elements.Any(e => e.Columns.Count > MaxColumnsPerElement);
        if (truncated)
        {
            notes.Add($"Elements with more than {MaxColumnsPerElement} columns list the first {MaxColumnsPerElement}.");
        }

        return new WorkbookDescription(
            live.WorkbookId,
            DataModel.NonEmpty(live.WorkbookUrlId) ?? cached?.UrlId,
            live.Name,
            live.Url,
            live.Path,
            live.Description,
            cached?.OwnerName,
            cached?.Badge,
            [.. (live.Tags ?? []).Select(t => t.Name)],
            live.UpdatedAt,
            live.LatestVersion,
            [.. pages.Select(p => new PageDescription(p.PageId, p.Name, [.. elements.Where(e => e.PageId == p.PageId).Select(e => Describe(e, types))]))],
            controls,
            sources,
            fresh ? "cache" : "sigma",
            notes.Count > 0 ? string.Join(' ', notes) : null,
            elements.Count(e => pages.Any(p => p.PageId == e.PageId)));
    }

    public async Task<DataModelDescription> DescribeDataModelAsync(string reference, CancellationToken cancellationToken)
    {
        var (live, cached) = await DocumentResolver.ResolveDataModelAsync(sigma, index, ToolNames.DescribeDataModel, reference, cancellationToken);
        var fresh = cached is not null && cached.DetailError is null && cached.LatestVersion == live.LatestVersion && cached.UpdatedAt == live.UpdatedAt;
        var elements = fresh ? cached!.Elements : await DocumentDetails.FetchDataModelElementsAsync(sigma, live.DataModelId, cancellationToken);
        var notes = new List<string>();
        var types = ColumnTypes(await BestEffortAsync(sigma.ListDataModelColumnsAsync(live.DataModelId, cancellationToken), "column types", notes, cancellationToken));

        return new DataModelDescription(
            live.DataModelId,
            live.AnyUrlId ?? cached?.UrlId,
            live.Name,
            live.Url,
            live.Path,
            live.Description,
            cached?.OwnerName,
            cached?.Badge,
            [.. (live.Tags ?? []).Select(t => t.TagName)],
            live.UpdatedAt,
            live.LatestVersion,
            [.. elements.Select(e => Describe(e, types))],
            fresh ? "cache" : "sigma",
            notes.Count > 0 ? string.Join(' ', notes) : null,
            elements.Count);
    }

    private static ElementDescription Describe(CachedElement e, ILookup<string, ElementColumn> types)
    {
        var columns = e.Columns.Take(MaxColumnsPerElement).ToList();
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in types[e.ElementId])
        {
            foreach (var name in new[] { column.Label, column.Name }.OfType<string>().Where(columns.Contains))
            {
                byName.TryAdd(name, column.Type!);
            }
        }

        return new(e.ElementId, e.Name, e.Type, columns, byName.Count > 0 ? byName : null);
    }

    /// <summary>Typed columns by element (columns without a type or an element say nothing and are left out).</summary>
    private static ILookup<string, ElementColumn> ColumnTypes(IReadOnlyList<ElementColumn> columns) =>
        columns.Where(c => c.ElementId is not null && !string.IsNullOrEmpty(c.Type)).ToLookup(c => c.ElementId!, StringComparer.Ordinal);

    private static async Task<IReadOnlyList<T>> BestEffortAsync<T>(IAsyncEnumerable<T> source, string what, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            return await source.ToListAsync(cancellationToken);
        }
        catch (SigmaApiException ex)
        {
            notes.Add($"The {what} could not be read ({(int?)ex.Status} {ex.ErrorCode}).");
            return [];
        }
    }
}
