using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Who may call <c>/mcp</c>: static bearer tokens (<see cref="BearerTokenHandler"/>), OAuth access tokens (ASP.NET
/// Core's JWT bearer handler, against the issuer's JWKS), or both. The MCP SDK's <see cref="McpAuthenticationHandler"/>
/// serves the protected resource metadata and writes the challenge that points clients at it.
/// </summary>
internal static class HttpAuthentication
{
    /// <summary>The scheme requests authenticate with: it forwards to the static-token or the JWT scheme.</summary>
    public const string SelectorScheme = "sigma-mcp";
    public const string JwtScheme = JwtBearerDefaults.AuthenticationScheme + "-jwt";
    public const string McpScheme = McpAuthenticationDefaults.AuthenticationScheme;
    public const string McpRootScheme = McpAuthenticationDefaults.AuthenticationScheme + "-root";
    public const string WellKnownPath = "/.well-known/oauth-protected-resource";

    /// <summary>Where <see cref="OAuthChallengeHandler"/> finds why a token was refused (never the token itself).</summary>
    public const string RefusalItem = "sigma-mcp.token-refusal";

    public static void AddSigmaMcpAuthentication(this IServiceCollection services, HttpServerSettings http)
    {
        // AddAuthenticationCore, not AddAuthentication: the latter brings data protection, which writes keys to disk.
        services.AddAuthenticationCore(o =>
        {
            o.AddScheme<BearerTokenHandler>(BearerTokenHandler.SchemeName, displayName: null);
            o.DefaultScheme = BearerTokenHandler.SchemeName;
            if (http.OAuth is not null)
            {
                o.AddScheme<OAuthChallengeHandler>(OAuthChallengeHandler.SchemeName, displayName: null);
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = OAuthChallengeHandler.SchemeName;
                o.DefaultForbidScheme = OAuthChallengeHandler.SchemeName;
            }
        });
        services.AddAuthorization(o => o.DefaultPolicy = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => HasRequiredScope(context.User, http.OAuth?.Scope))
            .Build());

        if (http.OAuth is not { } oauth)
        {
            return;
        }

        services.TryAddSingleton(UrlEncoder.Default);
        services.TryAddSingleton<IAuthenticationConfigurationProvider, NoAuthenticationConfiguration>();
        var builder = new AuthenticationBuilder(services);
        builder.AddPolicyScheme(SelectorScheme, displayName: null, o => o.ForwardDefaultSelector = context =>
            BearerTokenHandler.IsStaticToken(context, http) ? BearerTokenHandler.SchemeName : JwtScheme);
        builder.AddJwtBearer(JwtScheme, o => ConfigureJwt(o, oauth));

        var metadata = new ProtectedResourceMetadata
        {
            Resource = oauth.PublicUrl.ToString(),
            AuthorizationServers = [oauth.Authority.ToString().TrimEnd('/')],
            ScopesSupported = oauth.Scope is null ? [] : [oauth.Scope],
            BearerMethodsSupported = ["header"],
            ResourceName = "sigma-mcp",
        };

        // RFC 9728: the metadata of https://host/mcp lives at /.well-known/oauth-protected-resource/mcp; some clients
        // look only at the root form, so both are served.
        builder.AddMcp(McpScheme, "MCP", o =>
        {
            o.ResourceMetadata = metadata;
            o.ResourceMetadataUri = new Uri(WellKnownPath + oauth.PublicUrl.AbsolutePath.TrimEnd('/'), UriKind.Relative);
        });
        builder.AddMcp(McpRootScheme, "MCP (root)", o =>
        {
            o.ResourceMetadata = metadata;
            o.ResourceMetadataUri = new Uri(WellKnownPath, UriKind.Relative);
        });
    }

    /// <summary>True when no scope is required, the caller used a static token, or the token grants the scope.</summary>
    public static bool HasRequiredScope(System.Security.Claims.ClaimsPrincipal user, string? scope) =>
        scope is null
        || user.Identity?.AuthenticationType == BearerTokenHandler.SchemeName
        || user.FindAll("scope").Concat(user.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);

    private static void ConfigureJwt(JwtBearerOptions o, OAuthSettings oauth)
    {
        o.Authority = oauth.Authority.ToString();
        o.RequireHttpsMetadata = !OAuthSettings.IsLoopback(oauth.Authority);
        o.MapInboundClaims = false;
        o.IncludeErrorDetails = false;
        o.SaveToken = false;
        o.RefreshInterval = oauth.KeyRefreshInterval;
        o.RefreshOnIssuerKeyNotFound = true;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = [oauth.Authority.ToString(), oauth.Authority.ToString().TrimEnd('/')],
            ValidateAudience = true,
            ValidAudience = oauth.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = OAuthSettings.ClockSkew,
            ValidateIssuerSigningKey = true,
            NameClaimType = "sub",
            TypeValidator = ValidateType,
        };
        o.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                context.HttpContext.Items[RefusalItem] = "The access token is not valid for this server (signature, issuer, audience or lifetime).";
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                if (string.IsNullOrWhiteSpace(context.Principal?.FindFirst(oauth.EmailClaim)?.Value))
                {
                    var refusal = $"The access token has no '{oauth.EmailClaim}' claim, which names the caller's Sigma member.";
                    context.HttpContext.Items[RefusalItem] = refusal;
                    context.Fail(refusal);
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// Access tokens typed <c>at+jwt</c> (RFC 9068) or <c>JWT</c>, or untyped (Cognito's); anything else (an ID token
    /// typed otherwise, a logout token) is refused.
    /// </summary>
    private static string ValidateType(string type, SecurityToken token, TokenValidationParameters parameters) =>
        string.IsNullOrEmpty(type) || type.Equals("JWT", StringComparison.OrdinalIgnoreCase) || type.Equals("at+jwt", StringComparison.OrdinalIgnoreCase)
            ? type
            : throw new SecurityTokenInvalidTypeException("The token's typ is not JWT or at+jwt.") { InvalidType = type };
}
