using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// The refusals of team mode (RFC 6750 §3, MCP authorization spec): 401 with
/// <c>WWW-Authenticate: Bearer resource_metadata="…"</c> (the document the SDK's handler serves), plus <c>error="invalid_token"</c> when a token
/// was presented; 403 with <c>error="insufficient_scope"</c> and the scope needed. Nothing about the token is echoed.
/// </summary>
internal sealed class OAuthChallengeHandler(HttpServerSettings settings) : IAuthenticationHandler
{
    public const string SchemeName = "sigma-mcp-challenge";

    private HttpContext _context = null!;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _context = context;
        return Task.CompletedTask;
    }

    public Task<AuthenticateResult> AuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    public Task ChallengeAsync(AuthenticationProperties? properties)
    {
        // Not the SDK handler's own challenge: that builds the metadata URL from the request's scheme and host, which
        // behind a TLS-terminating proxy are not what clients use; SIGMA_MCP_PUBLIC_URL is.
        _context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        var challenge = $"Bearer resource_metadata=\"{ResourceMetadataUrl(settings)}\"";
        if (_context.Request.Headers.Authorization.Count > 0)
        {
            var description = _context.Items[HttpAuthentication.RefusalItem] as string ?? "The access token was not accepted.";
            challenge += $", error=\"invalid_token\", error_description=\"{description}\"";
        }

        _context.Response.Headers.WWWAuthenticate = challenge;
        return Task.CompletedTask;
    }

    public Task ForbidAsync(AuthenticationProperties? properties)
    {
        _context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var scope = settings.OAuth?.Scope ?? "";
        _context.Response.Headers.WWWAuthenticate =
            $"Bearer error=\"insufficient_scope\", scope=\"{scope}\", resource_metadata=\"{ResourceMetadataUrl(settings)}\", error_description=\"The access token lacks the scope '{scope}'.\"";
        return Task.CompletedTask;
    }

    /// <summary>The absolute URL of the path-suffixed protected resource metadata.</summary>
    public static string ResourceMetadataUrl(HttpServerSettings settings) => settings.OAuth is { } oauth
        ? new Uri(oauth.PublicUrl, HttpAuthentication.WellKnownPath + oauth.PublicUrl.AbsolutePath.TrimEnd('/')).ToString()
        : "";
}
