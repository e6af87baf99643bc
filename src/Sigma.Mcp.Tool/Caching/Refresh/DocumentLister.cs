using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.Caching.Refresh;

/// <summary>
/// Lists every document of the organization, cheaply (1,000 a page), without details. Workbooks and data models are
/// listed by their own APIs (version, URL, tags; and <c>/v2/files</c> does not return new files at once) and joined
/// with <c>/v2/files</c> (badge, path, description) by id; datasets and reports come from <c>/v2/files</c>.
/// </summary>
internal sealed class DocumentLister(SigmaClient sigma)
{
    public async Task<List<CachedDocument>> ListAsync(IReadOnlyDictionary<string, CachedMember> members, Action<int> listed, CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, SigmaFile>(StringComparer.Ordinal);
        foreach (var type in DocumentTypes.All)
        {
            await foreach (var file in sigma.ListFilesAsync(type, cancellationToken: cancellationToken))
            {
                files[file.Id] = file;
            }
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

        await foreach (var model in sigma.ListDataModelsAsync(cancellationToken: cancellationToken))
        {
            Add(FromDataModel(model, files.GetValueOrDefault(model.DataModelId)));
        }

        var datasets = await sigma.ListDatasetsAsync(cancellationToken: cancellationToken).ToDictionaryAsync(d => d.DatasetId, StringComparer.Ordinal, cancellationToken);
        foreach (var file in files.Values.Where(f => !documents.ContainsKey(f.Id)))
        {
            Add(FromFile(file) with { Url = datasets.GetValueOrDefault(file.Id)?.Url });
        }

        return [.. documents.Values];
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
        UrlId = workbook.WorkbookUrlId,
        Description = workbook.Description ?? file?.Description,
        Path = workbook.Path ?? file?.Path,
        Badge = file?.Badge,
        OwnerId = workbook.OwnerId ?? file?.OwnerId,
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
        UrlId = model.DataModelUrlId,
        Description = model.Description ?? file?.Description,
        Path = model.Path ?? file?.Path,
        Badge = file?.Badge,
        OwnerId = model.OwnerId ?? file?.OwnerId,
        Tags = [.. (model.Tags ?? []).Select(t => t.TagName)],
        Url = model.Url,
        CreatedAt = model.CreatedAt,
        UpdatedAt = model.UpdatedAt,
        LatestVersion = model.LatestVersion,
        IsArchived = model.IsArchived ?? file?.IsArchived ?? false,
    };
}
