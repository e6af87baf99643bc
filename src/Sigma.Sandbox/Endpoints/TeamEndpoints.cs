using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;
using Sigma.Sandbox.Paging;

namespace Sigma.Sandbox.Endpoints;

/// <summary><c>/v2/teams</c>: the list (filter <c>name</c>) and one team.</summary>
internal static class TeamEndpoints
{
    public static void Map(Router router, SandboxState state)
    {
        router.Get("/v2/teams", context =>
        {
            string? name = context.Query.Get("name");
            Page<SandboxTeam> page = Pager.ByPosition(
                state.Data.Teams,
                PageRequest.FromPageAndLimit(context.Query, state.Options),
                t => string.IsNullOrEmpty(name) || t.Name.Contains(name, StringComparison.OrdinalIgnoreCase));
            return context.WriteJsonAsync(PagedJson.PageLimit(page, ToJson));
        });
        router.Get("/v2/teams/{teamId}", context =>
        {
            string id = context.Route("teamId");
            SandboxTeam team = state.Data.Teams.FirstOrDefault(t => t.TeamId == id) ?? throw ApiException.NotFound($"Team {id} not found");
            return context.WriteJsonAsync(ToJson(team));
        });
    }

    public static JsonNode ToJson(SandboxTeam team) => new JsonObject
    {
        ["teamId"] = team.TeamId,
        ["name"] = team.Name,
        ["description"] = team.Description,
        ["visibility"] = team.Visibility,
        ["members"] = Wire.Strings(team.MemberIds),
        ["createdAt"] = Wire.Timestamp(team.CreatedAt),
        ["isArchived"] = false,
    };
}
