using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against <see cref="HttpServerSettings.Tokens"/>. The
/// identity is the token's position (<c>token-1</c>, …), which the rate limiter partitions by; the token itself is
/// never logged or echoed. A refused request gets 401 with <c>WWW-Authenticate: Bearer realm="sigma-mcp"</c>.
/// </summary>
/// <remarks>
/// A bare <see cref="IAuthenticationHandler"/> rather than <c>AuthenticationHandler&lt;T&gt;</c>: it needs no options,
/// and it keeps out the data-protection services that <c>AddAuthentication()</c> brings (which write keys to disk).
/// </remarks>
internal sealed class BearerTokenHandler(HttpServerSettings settings) : IAuthenticationHandler
{
    public const string SchemeName = "Bearer";
    public const string Challenge = "Bearer realm=\"sigma-mcp\"";
    private const string Prefix = "Bearer ";

    private HttpContext _context = null!;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _context = context;
        return Task.CompletedTask;
    }

    public Task<AuthenticateResult> AuthenticateAsync()
    {
        if (PresentedToken(_context) is not { } token)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var position = settings.Tokens.Find(token);
        if (position < 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is not one of SIGMA_MCP_HTTP_TOKENS."));
        }

        var name = "token-" + (position + 1).ToString(CultureInfo.InvariantCulture);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>The token of an <c>Authorization: Bearer</c> header, or null.</summary>
    public static string? PresentedToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim() : null;
    }

    public Task ChallengeAsync(AuthenticationProperties? properties)
    {
        _context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        _context.Response.Headers.WWWAuthenticate = _context.Request.Headers.Authorization.Count > 0 ? Challenge + ", error=\"invalid_token\"" : Challenge;
        return Task.CompletedTask;
    }

    public Task ForbidAsync(AuthenticationProperties? properties)
    {
        _context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
