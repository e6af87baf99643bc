using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;

namespace Sigma.Sandbox.Endpoints;

/// <summary><c>/v2/dataModels</c>: the list, one model, its elements, columns and tags (tag fields differ from workbooks').</summary>
internal static class DataModelEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/dataModels", context =>
        {
            PageRequest request = PageRequest.FromPageAndLimit(context.Query, state.Options);
            Page<SandboxDataModel> page = Pager.ByKey(state.Data.Snapshot.DataModels, request, m => m.Sequence);
            return context.WriteJsonAsync(PagedJson.PageLimit(page, m => ToJson(m, state.Data)));
        });
        router.Get("/v2/dataModels/{dataModelId}", context => context.WriteJsonAsync(ToJson(Find(context, state), state.Data)));
        router.Get("/v2/dataModels/{dataModelId}/elements", context =>
        {
            IReadOnlyList<SandboxElement> elements = state.Data.GetDataModelElements(Find(context, state).Id);
            Page<SandboxElement> page = Pager.ByPosition(elements, PageRequest.FromPageAndLimit(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, WorkbookElementEndpoints.ElementJson));
        });
        router.Get("/v2/dataModels/{dataModelId}/columns", context =>
        {
            var columns = state.Data.GetDataModelElements(Find(context, state).Id)
                .SelectMany(e => e.Columns.Select(c => (Element: e, Column: c))).ToList();
            Page<(SandboxElement Element, SandboxColumn Column)> page =
                Pager.ByPosition(columns, PageRequest.FromPageAndLimit(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, x => new JsonObject
            {
                ["columnId"] = x.Column.ColumnId,
                ["name"] = x.Column.Label,
                ["formula"] = x.Column.Formula,
                ["type"] = Wire.ColumnType(x.Column.Type),
                ["elementId"] = x.Element.ElementId,
            }));
        });
        router.Get("/v2/dataModels/{dataModelId}/tags", context =>
        {
            Page<SandboxDataModelTag> page = Pager.ByPosition(Find(context, state).Tags, PageRequest.FromPageAndLimit(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, TagJson));
        });
    }

    private static SandboxDataModel Find(RequestContext context, SandboxState state)
    {
        string id = context.Route("dataModelId");
        Wire.RequireUuid(id, "dataModelId");
        return state.Data.FindDataModel(id) ?? throw ApiException.NotFound($"Data model {id} not found");
    }

    private static JsonObject ToJson(SandboxDataModel model, SandboxData data) => new()
    {
        ["dataModelId"] = model.Id,
        ["dataModelUrlId"] = model.UrlId,
        ["name"] = model.Name,
        ["description"] = model.Description,
        ["url"] = Wire.AppUrl(data, "data-model", model.UrlId),
        ["path"] = model.Path,
        ["latestVersion"] = model.LatestVersion,
        ["ownerId"] = model.OwnerId,
        ["createdBy"] = model.CreatedBy,
        ["updatedBy"] = model.UpdatedBy,
        ["createdAt"] = Wire.Timestamp(model.CreatedAt),
        ["updatedAt"] = Wire.Timestamp(model.UpdatedAt),
        ["isArchived"] = model.IsArchived,
        ["tags"] = PagedJson.Entries(model.Tags, TagJson),
    };

    private static JsonNode TagJson(SandboxDataModelTag tag) => new JsonObject
    {
        ["versionTagId"] = tag.VersionTagId,
        ["tagName"] = tag.TagName,
        ["sourceVersion"] = tag.SourceVersion,
        ["taggedAt"] = Wire.Timestamp(tag.TaggedAt),
    };
}
