using System.Net;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.Refresh;

/// <summary>
/// Lists every document of the organization, cheaply (1,000 a page), without details. Workbooks and data models are
/// listed by their own APIs (version, URL, tags; and <c>/v2/files</c> does not return new files at once) and joined
/// with <c>/v2/files</c> (badge, path, description, and the urlId or owner when their own listing lacks it) by id;
/// datasets and reports come from <c>/v2/files</c>. A 403 on the listing of data models, datasets or reports (credentials
/// without access to that kind are common) skips that kind with a warning instead of failing the refresh.
/// </summary>
internal sealed class DocumentLister(SigmaClient sigma)
{
    private readonly List<string> _warnings = [];
    private readonly HashSet<string> _skipped = new(StringComparer.Ordinal);

    /// <summary>What the last listing could not read, one sentence each (empty when it read everything).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    public async Task<List<CachedDocument>> ListAsync(IReadOnlyDictionary<string, CachedMember> members, Action<int> listed, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, SigmaFile>(StringComparer.Ordinal);
        foreach (var type in DocumentTypes.All)
        {
            await SkipIfForbiddenAsync(type, async () =>
            {
                await foreach (var file in sigma.ListFilesAsync(type, cancellationToken: cancellationToken))
                {
                    // Older tenants answer typeFilters=data-model with "type": "dataModel": the filter is the kind.
                    files[file.Id] = file with { Type = type };
                }
            });
        }

        var documents = new Dictionary<string, CachedDocument>(StringComparer.Ordinal);
        void Add(CachedDocument document)
        {
            documents[document.Id] = document with { OwnerName = document.OwnerId is { } o && members.TryGetValue(o, out var m) ? m.Name : null };
            listed(documents.Count);
        }

        await foreach (var workbook in sigma.ListWorkbooksAsync(cancellationToken: cancellationToken))
        {
            Add(FromWorkbook(workbook, files.GetValueOrDefault(workbook.WorkbookId)));
        }

        if (!_skipped.Contains(DocumentTypes.DataModel))
        {
            await SkipIfForbiddenAsync(DocumentTypes.DataModel, async () =>
            {
                await foreach (var model in sigma.ListDataModelsAsync(cancellationToken: cancellationToken))
                {
                    Add(FromDataModel(model, files.GetValueOrDefault(model.DataModelId)));
                }
            });
        }

        var datasets = new Dictionary<string, Dataset>(StringComparer.Ordinal);
        if (!_skipped.Contains(DocumentTypes.Dataset))
        {
            // The datasets listing only adds URLs: without it the datasets are still listed, by /v2/files.
            await SkipIfForbiddenAsync(null, async () =>
            {
                await foreach (var dataset in sigma.ListDatasetsAsync(cancellationToken: cancellationToken))
                {
                    datasets[dataset.DatasetId] = dataset;
                }
            });
        }

        foreach (var file in files.Values.Where(f => !documents.ContainsKey(f.Id) && !_skipped.Contains(f.Type)))
        {
            Add(FromFile(file) with { Url = datasets.GetValueOrDefault(file.Id)?.Url });
        }

        return [.. documents.Values.Where(d => !_skipped.Contains(d.Type))];
    }

    /// <summary>Runs one listing; a 403 on a kind other than workbooks skips that kind (null: only warns).</summary>
    private async Task SkipIfForbiddenAsync(string? kind, Func<Task> list)
    {
        try
        {
            await list();
        }
        catch (SigmaApiException ex) when (ex.Status == HttpStatusCode.Forbidden && kind != DocumentTypes.Workbook)
        {
            if (kind is not null)
            {
                _skipped.Add(kind);
            }

            _warnings.Add(kind is null
                ? $"Sigma refused {ex.Method} {ex.Path} (403): dataset links are missing from the cache."
                : $"Sigma refused {ex.Method} {ex.Path} (403): no {kind} documents are cached, because the credentials' user may not list them. Ask a Sigma admin for access to include them.");
        }
    }

    private static CachedDocument FromFile(SigmaFile file) => new()
    {
        Id = file.Id,
        Type = file.Type,
        Name = file.Name,
        UrlId = file.UrlId,
        Description = file.Description,
        Path = file.Path,
        Badge = file.Badge,
        OwnerId = file.OwnerId ?? file.CreatedBy,
        CreatedAt = file.CreatedAt,
        UpdatedAt = file.UpdatedAt,
        IsArchived = file.IsArchived,
    };

    private static CachedDocument FromWorkbook(Workbook workbook, SigmaFile? file) => new()
    {
        Id = workbook.WorkbookId,
        Type = DocumentTypes.Workbook,
        Name = workbook.Name,
        UrlId = DataModel.NonEmpty(workbook.WorkbookUrlId) ?? DataModel.NonEmpty(file?.UrlId) ?? UrlIdOf(workbook.Url),
        Description = workbook.Description ?? file?.Description,
        Path = workbook.Path ?? file?.Path,
        Badge = file?.Badge,
        OwnerId = workbook.OwnerId ?? file?.OwnerId ?? workbook.CreatedBy ?? file?.CreatedBy,
        Tags = [.. (workbook.Tags ?? []).Select(t => t.Name)],
        Url = workbook.Url,
        CreatedAt = workbook.CreatedAt,
        UpdatedAt = workbook.UpdatedAt,
        LatestVersion = workbook.LatestVersion,
        IsArchived = workbook.IsArchived ?? file?.IsArchived ?? false,
    };

    private static CachedDocument FromDataModel(DataModel model, SigmaFile? file) => new()
    {
        Id = model.DataModelId,
        Type = DocumentTypes.DataModel,
        Name = model.Name,
        UrlId = DataModel.NonEmpty(model.DataModelUrlId) ?? DataModel.NonEmpty(model.UrlId) ?? DataModel.NonEmpty(file?.UrlId) ?? model.AnyUrlId,
        Description = model.Description ?? file?.Description,
        Path = model.Path ?? file?.Path,
        Badge = file?.Badge,
        OwnerId = model.OwnerId ?? file?.OwnerId ?? model.CreatedBy ?? file?.CreatedBy,
        Tags = [.. (model.Tags ?? []).Select(t => t.TagName)],
        Url = model.Url,
        CreatedAt = model.CreatedAt,
        UpdatedAt = model.UpdatedAt,
        LatestVersion = model.LatestVersion,
        IsArchived = model.IsArchived ?? file?.IsArchived ?? false,
    };

    /// <summary>The urlId at the end of a workbook URL (<c>.../workbook/Name-urlId</c>), or null.</summary>
    private static string? UrlIdOf(string? url)
    {
        try
        {
            return url is null ? null : DataModel.NonEmpty(WorkbookReference.Parse(url).UrlId);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
