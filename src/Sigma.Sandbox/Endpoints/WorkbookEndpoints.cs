using System.Text.Json.Nodes;
using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;

namespace Sigma.Sandbox.Endpoints;

/// <summary><c>/v2/workbooks</c>: the list, one workbook, and its tags, sources (a bare array) and controls.</summary>
internal static class WorkbookEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/workbooks", context =>
        {
            PageRequest request = PageRequest.FromPageAndLimit(context.Query, state.Options);
            bool? archived = context.Query.GetBool("isArchived");
            Func<SandboxWorkbook, bool>? filter = archived is { } wanted ? w => w.IsArchived == wanted : null;
            Page<SandboxWorkbook> page = Pager.ByKey(state.Data.Snapshot.Workbooks, request, w => w.Sequence, filter);
            return context.WriteJsonAsync(PagedJson.PageLimit(page, w => ToJson(w, state.Data)));
        });
        router.Get("/v2/workbooks/{workbookId}", context =>
            context.WriteJsonAsync(ToJson(WorkbookLookup.Workbook(context, state), state.Data)));
        router.Get("/v2/workbooks/{workbookId}/tags", context =>
        {
            SandboxWorkbook workbook = WorkbookLookup.Workbook(context, state);
            Page<SandboxWorkbookTag> page = Pager.ByPosition(workbook.Tags, PageRequest.FromPageAndLimit(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, TagJson));
        });
        router.Get("/v2/workbooks/{workbookId}/sources", context =>
        {
            (_, WorkbookLayout layout) = WorkbookLookup.Layout(context, state);
            return context.WriteJsonAsync(PagedJson.Entries(layout.Sources, SourceJson));
        });
        router.Get("/v2/workbooks/{workbookId}/controls", context =>
        {
            (_, WorkbookLayout layout) = WorkbookLookup.Layout(context, state);
            Page<SandboxControl> page = Pager.ByPosition(layout.Controls, PageRequest.FromPageAndLimit(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, c => new JsonObject
            {
                ["controlId"] = c.ControlId,
                ["name"] = c.Name,
                ["valueType"] = c.ValueType,
            }));
        });
    }

    public static JsonObject ToJson(SandboxWorkbook workbook, SandboxData data) => new()
    {
        ["workbookId"] = workbook.Id,
        ["workbookUrlId"] = workbook.UrlId,
        ["name"] = workbook.Name,
        ["url"] = Wire.AppUrl(data, "workbook", workbook.UrlId),
        ["path"] = workbook.Path,
        ["latestVersion"] = workbook.LatestVersion,
        ["ownerId"] = workbook.OwnerId,
        ["createdBy"] = workbook.CreatedBy,
        ["updatedBy"] = workbook.UpdatedBy,
        ["createdAt"] = Wire.Timestamp(workbook.CreatedAt),
        ["updatedAt"] = Wire.Timestamp(workbook.UpdatedAt),
        ["isArchived"] = workbook.IsArchived,
        ["description"] = workbook.Description,
        ["workspaceId"] = WorkspaceOf(workbook, data),
        ["tags"] = PagedJson.Entries(workbook.Tags, TagJson),
    };

    private static JsonNode TagJson(SandboxWorkbookTag tag) => new JsonObject
    {
        ["versionTagId"] = tag.VersionTagId,
        ["name"] = tag.Name,
        ["sourceWorkbookVersion"] = tag.SourceWorkbookVersion,
        ["taggedWorkbookId"] = tag.TaggedWorkbookId,
        ["workbookTaggedAt"] = Wire.Timestamp(tag.WorkbookTaggedAt),
    };

    private static JsonNode SourceJson(SandboxSource source)
    {
        var json = new JsonObject { ["type"] = source.Type };
        if (source.Type == "data-model")
        {
            json["dataModelId"] = source.Id;
            json["elementId"] = source.ElementId;
        }
        else
        {
            json["inodeId"] = source.Id;
            json["connectionId"] = source.ConnectionId;
        }

        json["name"] = source.Name;
        return json;
    }

    private static string? WorkspaceOf(SandboxWorkbook workbook, SandboxData data)
    {
        string workspace = workbook.Path.Split('/')[0];
        return data.Snapshot.Folders.FirstOrDefault(f => f.IsWorkspace && f.Name == workspace)?.Id;
    }
}
