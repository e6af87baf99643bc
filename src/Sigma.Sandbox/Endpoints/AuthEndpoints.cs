using System.Text;
using System.Text.Json.Nodes;
using Sigma.Sandbox.Auth;
using Sigma.Sandbox.Http;

namespace Sigma.Sandbox.Endpoints;

/// <summary>
/// <c>POST /v2/auth/token</c>: client credentials as form fields or HTTP Basic, and the refresh grant.
/// Nothing about the credentials is ever logged.
/// </summary>
internal static class AuthEndpoints
{
    public static void Map(Router router, SandboxState state) =>
        router.PostAnonymous("/v2/auth/token", context => IssueAsync(context, state));

    private static async Task IssueAsync(RequestContext context, SandboxState state)
    {
        QueryParameters form = QueryParameters.Parse(await context.ReadBodyAsync());
        string grantType = form.Get("grant_type") ?? string.Empty;
        switch (grantType)
        {
            case "client_credentials":
                (string? id, string? secret) = Credentials(context, form);
                if (state.Faults.RejectAllCredentials || id != state.Options.ClientId || secret != state.Options.ClientSecret)
                {
                    throw ApiException.Unauthorized("Invalid client credentials");
                }

                break;
            case "refresh_token":
                string? refreshToken = form.Get("refresh_token");
                if (state.Faults.RejectAllCredentials || refreshToken is null || !state.Tokens.IsRefreshToken(refreshToken))
                {
                    throw ApiException.Unauthorized("Invalid refresh token");
                }

                break;
            default:
                throw ApiException.BadRequest($"Unsupported grant_type '{grantType}'.");
        }

        TokenGrant grant = state.Tokens.Issue();
        await context.WriteJsonAsync(new JsonObject
        {
            ["access_token"] = grant.AccessToken,
            ["refresh_token"] = grant.RefreshToken,
            ["token_type"] = "bearer",
            ["expires_in"] = grant.ExpiresInSeconds,
        });
    }

    /// <summary>Basic auth wins over form fields when both are sent.</summary>
    private static (string? Id, string? Secret) Credentials(RequestContext context, QueryParameters form)
    {
        string? header = context.Request.Headers["Authorization"];
        if (header is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                int colon = decoded.IndexOf(':', StringComparison.Ordinal);
                return colon < 0
                    ? (null, null)
                    : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
            }
            catch (FormatException)
            {
                return (null, null);
            }
        }

        return (form.Get("client_id"), form.Get("client_secret"));
    }
}
