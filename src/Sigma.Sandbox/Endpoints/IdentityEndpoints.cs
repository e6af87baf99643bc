using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Endpoints;

/// <summary><c>GET /v2/whoami</c>: the API user, Ada Lovelace.</summary>
internal static class IdentityEndpoints
{
    public static void Map(Router router, SandboxState state) => router.Get("/v2/whoami", context =>
    {
        SandboxMember user = state.Data.ApiUser;
        return context.WriteJsonAsync(new JsonObject
        {
            ["userId"] = user.MemberId,
            ["organizationId"] = state.Data.OrganizationId,
            ["accountType"] = user.MemberType,
            ["email"] = user.Email,
            ["name"] = user.Name,
        });
    });
}
