using System.Net;
using Microsoft.Extensions.Configuration;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Team mode: <c>serve --http</c> as an OAuth 2.1 resource server (MCP authorization spec). Set when
/// <c>SIGMA_MCP_OAUTH_AUTHORITY</c> is. Plain data, no ASP.NET type.
/// </summary>
internal sealed record OAuthSettings
{
    /// <summary>Clock skew tolerated on <c>exp</c> and <c>nbf</c>; the MCP spec's resource servers keep it small.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>The default <see cref="MemberAccessTtl"/>.</summary>
    public static readonly TimeSpan DefaultMemberAccessTtl = TimeSpan.FromMinutes(5);

    /// <summary>The issuer (<c>iss</c>) whose OpenID Connect metadata and JWKS are read, e.g. a Cognito user pool URL.</summary>
    public required Uri Authority { get; init; }

    /// <summary>The server's public <c>/mcp</c> URL: the <c>resource</c> of the protected resource metadata.</summary>
    public required Uri PublicUrl { get; init; }

    /// <summary>The required <c>aud</c>; default <see cref="PublicUrl"/>.</summary>
    public required string Audience { get; init; }

    /// <summary>A scope every token must carry (in <c>scope</c> or <c>scp</c>), or null.</summary>
    public string? Scope { get; init; }

    /// <summary>The claim holding the caller's email, which names their Sigma member. Default <c>email</c>.</summary>
    public string EmailClaim { get; init; } = "email";

    /// <summary>How long one member's set of accessible documents is used before it is read again.</summary>
    public TimeSpan MemberAccessTtl { get; init; } = DefaultMemberAccessTtl;

    /// <summary>
    /// The shortest time between two JWKS re-reads caused by an unknown key id (so that tokens with made-up key ids
    /// cannot make this server hammer the issuer). Tests shorten it.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The settings, or null when <c>SIGMA_MCP_OAUTH_AUTHORITY</c> is not set.</summary>
    /// <exception cref="ConfigurationException">A setting is missing or malformed.</exception>
    public static OAuthSettings? Parse(IConfiguration configuration)
    {
        if (configuration.Setting(SettingNames.OAuthAuthority) is not { } authorityText)
        {
            return null;
        }

        if (!Uri.TryCreate(authorityText, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http") || authority.Query.Length > 0)
        {
            throw new ConfigurationException(SettingNames.OAuthAuthority,
                $"SIGMA_MCP_OAUTH_AUTHORITY '{authorityText}' is not an issuer URL. Use the issuer your tokens carry in 'iss', e.g. https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123.");
        }

        if (authority.Scheme == "http" && !IsLoopback(authority))
        {
            throw new ConfigurationException(SettingNames.OAuthAuthority,
                $"SIGMA_MCP_OAUTH_AUTHORITY '{authorityText}' uses plain http: an issuer must use https (plain http is allowed only on a loopback address, for tests).");
        }

        var publicText = configuration.Setting(SettingNames.PublicUrl)
            ?? throw new ConfigurationException(SettingNames.PublicUrl,
                "SIGMA_MCP_OAUTH_AUTHORITY is set, so SIGMA_MCP_PUBLIC_URL is required: set it to the URL clients use for this server's MCP endpoint, e.g. https://mcp.example.com/mcp.");
        if (!Uri.TryCreate(publicText, UriKind.Absolute, out var publicUrl) || publicUrl.Scheme is not ("https" or "http") || publicUrl.Query.Length > 0 || publicUrl.Fragment.Length > 0)
        {
            throw new ConfigurationException(SettingNames.PublicUrl,
                $"SIGMA_MCP_PUBLIC_URL '{publicText}' is not the URL of this server's MCP endpoint. Use an absolute URL without query, e.g. https://mcp.example.com/mcp.");
        }

        var ttl = configuration.Duration(SettingNames.MemberAccessTtl, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        var scope = configuration.Setting(SettingNames.OAuthScope);
        if (scope is not null && scope.Any(char.IsWhiteSpace))
        {
            throw new ConfigurationException(SettingNames.OAuthScope, $"SIGMA_MCP_OAUTH_SCOPE '{scope}' must be one scope, without spaces, e.g. sigma-mcp/read.");
        }

        return new OAuthSettings
        {
            Authority = authority,
            PublicUrl = publicUrl,
            Audience = configuration.Setting(SettingNames.OAuthAudience) ?? publicText,
            Scope = scope,
            EmailClaim = configuration.Setting(SettingNames.OAuthEmailClaim) ?? "email",
            MemberAccessTtl = ttl ?? DefaultMemberAccessTtl,
        };
    }

    /// <summary>Whether the URL's host is this machine (plain-http issuers are allowed only there).</summary>
    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    public override string ToString() =>
        $"OAuth (issuer {Authority}, audience {Audience}{(Scope is null ? "" : ", scope " + Scope)})";
}
