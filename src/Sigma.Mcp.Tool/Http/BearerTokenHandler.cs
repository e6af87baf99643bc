using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against <see cref="HttpServerSettings.Tokens"/> and the
/// tokens in the Secrets Manager secret (<see cref="HttpTokenSecret"/>), when one is set. The identity is the token's
/// name (<c>token-1</c>, … for <c>SIGMA_MCP_HTTP_TOKENS</c>; <c>secret:NAME</c> for the secret's), which the rate
/// limiter partitions by; the token itself is never logged or echoed. A refused request gets 401 with <c>WWW-Authenticate: Bearer realm="sigma-mcp"</c>.
/// </summary>
/// <remarks>
/// A bare <see cref="IAuthenticationHandler"/> rather than <c>AuthenticationHandler&lt;T&gt;</c>: it needs no options,
/// and it keeps out the data-protection services that <c>AddAuthentication()</c> brings (which write keys to disk).
/// </remarks>
internal sealed class BearerTokenHandler(HttpServerSettings settings, HttpTokenSecret? secret = null) : IAuthenticationHandler
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

    public async Task<AuthenticateResult> AuthenticateAsync()
    {
        if (PresentedToken(_context) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var position = settings.Tokens.Find(token);
        var name = position >= 0 ? "token-" + settings.Tokens.Name(position)
            : secret is null ? null
            : await secret.FindAsync(token, _context.RequestAborted);
        if (name is null)
        {
            return AuthenticateResult.Fail("The bearer token is not one of the accepted static tokens.");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>
    /// Whether the request's token is for this handler rather than the JWT handler (OAuth on): a known static token,
    /// or, with a tokens secret, anything not shaped like a JWT (it may be a token rotated into the secret since it was
    /// read, which this handler re-reads the secret for).
    /// </summary>
    public static bool IsStaticToken(HttpContext context, HttpServerSettings settings)
    {
        if (PresentedToken(context) is not { } token)
        {
            return false;
        }

        if (settings.Tokens.Count > 0 && settings.Tokens.Find(token) >= 0)
        {
            return true;
        }

        return context.RequestServices.GetService(typeof(HttpTokenSecret)) is HttpTokenSecret secret
            && (secret.Current.Find(token) >= 0 || token.Count(c => c == '.') != 2);
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
