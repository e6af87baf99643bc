using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;

namespace Sigma.Sandbox.Endpoints;

/// <summary>
/// <c>/v2/datasets</c> (legacy). The owner field is <c>owner</c>, not <c>ownerId</c>. With
/// <see cref="SandboxOptions.DatasetsRetired"/> both routes answer 410 Gone; <c>/v2/files</c> still lists datasets.
/// </summary>
internal static class DatasetEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/datasets", context =>
        {
            ThrowIfRetired(state);
            PageRequest request = PageRequest.FromPageAndLimit(context.Query, state.Options);
            Page<SandboxDataset> page = Pager.ByKey(state.Data.Snapshot.Datasets, request, d => d.Sequence);
            return context.WriteJsonAsync(PagedJson.PageLimit(page, d => ToJson(d, state.Data)));
        });
        router.Get("/v2/datasets/{datasetId}", context =>
        {
            ThrowIfRetired(state);
            string id = context.Route("datasetId");
            SandboxDataset dataset = state.Data.Snapshot.Find<SandboxDataset>(id) ?? throw ApiException.NotFound($"Dataset {id} not found");
            return context.WriteJsonAsync(ToJson(dataset, state.Data));
        });
    }

    private static void ThrowIfRetired(SandboxState state)
    {
        if (state.Options.DatasetsRetired)
        {
            throw ApiException.Gone("The dataset API has been retired. Use data models instead.");
        }
    }

    private static JsonObject ToJson(SandboxDataset dataset, SandboxData data) => new()
    {
        ["datasetId"] = dataset.Id,
        ["name"] = dataset.Name,
        ["description"] = dataset.Description,
        ["url"] = Wire.AppUrl(data, "b", dataset.UrlId),
        ["path"] = dataset.Path,
        ["owner"] = dataset.OwnerId,
        ["createdBy"] = dataset.CreatedBy,
        ["updatedBy"] = dataset.UpdatedBy,
        ["createdAt"] = Wire.Timestamp(dataset.CreatedAt),
        ["updatedAt"] = Wire.Timestamp(dataset.UpdatedAt),
        ["referenceCount"] = dataset.ReferenceCount,
        ["isArchived"] = dataset.IsArchived,
        ["migrationStatus"] = dataset.MigrationStatus,
        ["migrationToDataModel"] = dataset.MigratedToDataModelId is null ? null : new JsonObject
        {
            ["dataModelId"] = dataset.MigratedToDataModelId,
            ["dataModelUrl"] = data.FindDataModel(dataset.MigratedToDataModelId) is { } model ? Wire.AppUrl(data, "data-model", model.UrlId) : null,
            ["migratedAt"] = Wire.Timestamp(dataset.MigratedAt),
            ["migratedBy"] = dataset.OwnerId,
        },
    };
}
