using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;

namespace Sigma.Sandbox.Endpoints;

/// <summary>Organization-wide lists: account types (pageToken style), version tags and workspaces.</summary>
internal static class OrganizationEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/accountTypes", context =>
        {
            Page<SandboxAccountType> page = Pager.ByPosition(state.Data.AccountTypes, PageRequest.FromPageTokenAndSize(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageToken(page, a => new JsonObject
            {
                ["accountTypeId"] = a.AccountTypeId,
                ["accountTypeName"] = a.AccountTypeName,
                ["description"] = a.Description,
                ["isCustom"] = a.IsCustom,
            }));
        });
        router.Get("/v2/tags", context =>
        {
            Page<SandboxVersionTag> page = Pager.ByPosition(state.Data.VersionTags, PageRequest.FromPageAndLimit(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, t => new JsonObject
            {
                ["versionTagId"] = t.VersionTagId,
                ["name"] = t.Name,
                ["description"] = t.Description,
                ["createdAt"] = Wire.Timestamp(t.CreatedAt),
            }));
        });
        router.Get("/v2/tags/{tagId}/workbooks", context =>
        {
            string id = context.Route("tagId");
            _ = state.Data.VersionTags.FirstOrDefault(t => t.VersionTagId == id) ?? throw ApiException.NotFound($"Tag {id} not found");
            Page<SandboxWorkbook> page = Pager.ByKey(
                state.Data.Snapshot.Workbooks, PageRequest.FromPageAndLimit(context.Query, state.Options), w => w.Sequence,
                w => w.Tags.Any(t => t.VersionTagId == id));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, w => WorkbookEndpoints.ToJson(w, state.Data)));
        });
        router.Get("/v2/workspaces", context =>
        {
            Page<SandboxFolder> page = Pager.ByKey(
                state.Data.Snapshot.Folders, PageRequest.FromPageAndLimit(context.Query, state.Options), f => f.Sequence, f => f.IsWorkspace);
            return context.WriteJsonAsync(PagedJson.PageLimit(page, w => new JsonObject
            {
                ["workspaceId"] = w.Id,
                ["name"] = w.Name,
                ["createdBy"] = w.CreatedBy,
                ["updatedBy"] = w.UpdatedBy,
                ["createdAt"] = Wire.Timestamp(w.CreatedAt),
                ["updatedAt"] = Wire.Timestamp(w.UpdatedAt),
            }));
        });
    }
}
