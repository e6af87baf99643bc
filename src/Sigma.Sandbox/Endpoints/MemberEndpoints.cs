using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;
using Sigma.Sandbox.Store;

namespace Sigma.Sandbox.Endpoints;

/// <summary>
/// <c>/v2/members</c>. As in Sigma until June 2026, the list is a bare JSON array unless <c>limit</c> is sent; with
/// <c>limit</c> it is the usual paged object. Archived and inactive members are hidden unless asked for.
/// </summary>
internal static class MemberEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/members", context => ListAsync(context, state));
        router.Get("/v2/members/{memberId}", context =>
        {
            string id = context.Route("memberId");
            SandboxMember member = state.Data.Members.FirstOrDefault(m => m.MemberId == id)
                ?? throw ApiException.NotFound($"Member {id} not found");
            return context.WriteJsonAsync(ToJson(member, state.Data));
        });
        router.Get("/v2/members/{memberId}/files", context =>
        {
            // Paged like /v2/files, entries shaped like its entries: what this member can open.
            string id = context.Route("memberId");
            SandboxMember member = state.Data.Members.FirstOrDefault(m => m.MemberId == id)
                ?? throw ApiException.NotFound($"Member {id} not found");
            DocumentSnapshot snapshot = state.Data.Snapshot;
            Page<SandboxDocument> page = Pager.ByKey(snapshot.All, PageRequest.FromPageAndLimit(context.Query, state.Options), d => d.Sequence,
                d => state.Data.Access.CanOpen(member, d));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, d => FileEndpoints.ToJson(d, snapshot)));
        });
        router.Get("/v2/members/{memberId}/teams", context =>
        {
            string id = context.Route("memberId");
            var teams = state.Data.Teams.Where(t => t.MemberIds.Contains(id)).ToList();
            Page<SandboxTeam> page = Pager.ByPosition(teams, PageRequest.FromPageAndLimit(context.Query, state.Options));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, TeamEndpoints.ToJson));
        });
    }

    private static Task ListAsync(RequestContext context, SandboxState state)
    {
        QueryParameters query = context.Query;
        string? email = query.Get("email");
        string? search = query.Get("search");
        bool includeArchived = query.GetBool("includeArchived") ?? false;
        bool includeInactive = query.GetBool("includeInactive") ?? false;
        bool Matches(SandboxMember m) =>
            (includeArchived || !m.IsArchived)
            && (includeInactive || !m.IsInactive)
            && (string.IsNullOrEmpty(email) || string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrEmpty(search)
                || m.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
                || m.Email.Contains(search, StringComparison.OrdinalIgnoreCase));

        if (!query.Has("limit"))
        {
            return context.WriteJsonAsync(PagedJson.Entries(state.Data.Members.Where(Matches), m => ToJson(m, state.Data)));
        }

        Page<SandboxMember> page = Pager.ByPosition(state.Data.Members, PageRequest.FromPageAndLimit(query, state.Options), Matches);
        return context.WriteJsonAsync(PagedJson.PageLimit(page, m => ToJson(m, state.Data)));
    }

    private static JsonObject ToJson(SandboxMember member, SandboxData data) => new()
    {
        ["organizationId"] = data.OrganizationId,
        ["memberId"] = member.MemberId,
        ["memberType"] = member.MemberType,
        ["firstName"] = member.FirstName,
        ["lastName"] = member.LastName,
        ["email"] = member.Email,
        ["profileImgUrl"] = null,
        ["createdBy"] = member.CreatedBy,
        ["updatedBy"] = member.UpdatedBy,
        ["createdAt"] = Wire.Timestamp(member.CreatedAt),
        ["updatedAt"] = Wire.Timestamp(member.UpdatedAt),
        ["homeFolderId"] = member.HomeFolderId,
        ["userKind"] = member.UserKind,
        ["isArchived"] = member.IsArchived,
        ["isInactive"] = member.IsInactive,
    };
}
