using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// The validated settings of <c>serve --http</c>. Plain data with no ASP.NET type, so that parsing them never loads
/// ASP.NET Core. Holds hashes of the bearer tokens, never the tokens themselves.
/// </summary>
internal sealed partial class HttpServerSettings
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Largest request body accepted (1 MB): MCP requests are small JSON; anything bigger is refused with 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Requests per minute per client (per token, or per IP address without one) unless <c>SIGMA_MCP_RATE_LIMIT</c> says otherwise.</summary>
    public const int DefaultRateLimit = 600;

    /// <summary>Shorter tokens are refused: a bearer token is a password that travels with every request.</summary>
    public const int MinimumTokenLength = 16;

    private static readonly string[] s_loopbackHosts = ["localhost", "127.0.0.1", "[::1]"];
    private static readonly char[] s_listSeparators = [',', ';'];

    /// <summary>The addresses Kestrel listens on, e.g. <c>http://127.0.0.1:8080</c> (port 0: one the OS picks).</summary>
    public required IReadOnlyList<string> Urls { get; init; }

    /// <summary>True when every URL is a loopback address, so that only this machine can connect.</summary>
    public required bool IsLoopbackOnly { get; init; }

    /// <summary>The accepted bearer tokens (as hashes). Empty only with <c>--allow-unauthenticated</c> on loopback.</summary>
    public required BearerTokens Tokens { get; init; }

    /// <summary>Host header values accepted on <c>/mcp</c> (DNS-rebinding protection).</summary>
    public required IReadOnlyList<string> AllowedHosts { get; init; }

    /// <summary>Browser origins allowed by CORS; empty means CORS is off.</summary>
    public required IReadOnlyList<string> CorsOrigins { get; init; }

    /// <summary>Requests per minute per client; 0 turns the limit off.</summary>
    public int RateLimitPerMinute { get; init; } = DefaultRateLimit;

    /// <summary>How often a background refresh of the cache runs; null: never (refresh with the CLI or the tool).</summary>
    public TimeSpan? RefreshInterval { get; init; }

    /// <summary>Team mode (OAuth resource server), or null.</summary>
    public OAuthSettings? OAuth { get; init; }

    /// <summary>A Secrets Manager secret holding the static bearer tokens (<c>SIGMA_MCP_HTTP_TOKENS_SECRET_ID</c>), or null.</summary>
    public string? TokensSecretId { get; init; }

    /// <summary>
    /// The shortest time between two re-reads of <see cref="TokensSecretId"/> caused by unknown tokens: one minute, so
    /// that a flood of bad tokens cannot flood Secrets Manager. Tests shorten it (an undocumented setting).
    /// </summary>
    public TimeSpan TokensSecretReloadInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The AWS region and profile that read <see cref="TokensSecretId"/>, when set explicitly.</summary>
    public string? AwsRegion { get; init; }

    /// <inheritdoc cref="AwsRegion"/>
    public string? AwsProfile { get; init; }

    /// <summary>
    /// Proxies (addresses or CIDR ranges) whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed; empty: the headers
    /// are ignored, and the client is the connection's remote address.
    /// </summary>
    public IReadOnlyList<IPNetwork> TrustedProxies { get; init; } = [];

    public bool RequiresAuthentication => Tokens.Count > 0 || OAuth is not null || TokensSecretId is not null;

    /// <summary>Validates the merged settings of one <c>serve --http</c> invocation.</summary>
    /// <exception cref="ConfigurationException">A setting is malformed, or the server would be reachable from the network without a token.</exception>
    public static HttpServerSettings Parse(IConfiguration configuration, bool allowUnauthenticated)
    {
        var urls = Split(configuration.Setting(SettingNames.HttpUrls) ?? DefaultUrl);
        if (urls.Count == 0)
        {
            throw new ConfigurationException(SettingNames.HttpUrls, $"--urls is empty. Pass an address to listen on, such as {DefaultUrl}.");
        }

        var hosts = urls.Select(ParseUrlHost).ToList();
        var isLoopbackOnly = hosts.All(IsLoopback);
        var tokens = ParseTokens(configuration.Setting(SettingNames.HttpTokens));
        var oauth = OAuthSettings.Parse(configuration);
        var tokensSecretId = ParseSecretId(configuration.Setting(SettingNames.HttpTokensSecretId));
        var authenticated = tokens.Count > 0 || oauth is not null || tokensSecretId is not null;
        if (!authenticated && !isLoopbackOnly)
        {
            throw new ConfigurationException(SettingNames.HttpTokens, allowUnauthenticated
                ? $"--allow-unauthenticated is only allowed on a loopback address, and {string.Join(", ", urls)} is not one. Set SIGMA_MCP_HTTP_TOKENS (comma-separated bearer tokens) instead."
                : $"Refusing to listen on {string.Join(", ", urls)} without authentication: set SIGMA_MCP_HTTP_TOKENS to one or more bearer tokens (comma-separated, at least {MinimumTokenLength} characters, e.g. from `openssl rand -hex 32`).");
        }

        if (!authenticated && !allowUnauthenticated)
        {
            throw new ConfigurationException(SettingNames.HttpTokens,
                $"serve --http needs SIGMA_MCP_HTTP_TOKENS (comma-separated bearer tokens, at least {MinimumTokenLength} characters each) that clients send as 'Authorization: Bearer <token>'. On a loopback address only, --allow-unauthenticated runs without them.");
        }

        var allowedHosts = s_loopbackHosts
            .Concat(hosts.Where(h => !IsWildcard(h)))
            .Concat(Split(configuration.Setting(SettingNames.AllowedHosts) ?? "").Select(ParseAllowedHost))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

        return new HttpServerSettings
        {
            Urls = urls,
            IsLoopbackOnly = isLoopbackOnly,
            Tokens = tokens,
            AllowedHosts = allowedHosts,
            CorsOrigins = Split(configuration.Setting(SettingNames.CorsOrigins) ?? "").Select(ParseOrigin).ToList(),
            RateLimitPerMinute = ParseRateLimit(configuration.Setting(SettingNames.RateLimit)),
            RefreshInterval = configuration.Duration(SettingNames.RefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            OAuth = oauth,
            TokensSecretId = tokensSecretId,
            TokensSecretReloadInterval = configuration.Duration(SettingNames.HttpTokensSecretReloadInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))
                ?? TimeSpan.FromMinutes(1),
            AwsRegion = configuration.AwsRegion(),
            AwsProfile = configuration.Setting(SettingNames.AwsProfile),
            TrustedProxies = Split(configuration.Setting(SettingNames.TrustedProxies) ?? "").Select(ParseProxy).ToList(),
        };
    }

    private static List<string> Split(string list) =>
        [.. list.Split(s_listSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The host of one <c>--urls</c> entry; plain http only (TLS belongs to the proxy or load balancer in front).</summary>
    private static string ParseUrlHost(string url)
    {
        var match = UrlPattern().Match(url);
        if (match.Success)
        {
            return match.Groups[1].Value.ToLowerInvariant();
        }

        throw new ConfigurationException(SettingNames.HttpUrls, url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            ? $"--urls '{url}': serve --http speaks plain http; terminate TLS at a reverse proxy or load balancer in front of it and use an http:// address here."
            : $"--urls '{url}' is not an address to listen on. Use http://host:port, e.g. {DefaultUrl} (loopback) or http://0.0.0.0:8080 (every interface; needs SIGMA_MCP_HTTP_TOKENS).");
    }

    private static bool IsWildcard(string host) => host is "*" or "+" or "0.0.0.0" or "[::]";

    private static bool IsLoopback(string host) =>
        host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static BearerTokens ParseTokens(string? list)
    {
        var tokens = Split(list ?? "");
        foreach (var (token, i) in tokens.Select((t, i) => (t, i)))
        {
            // The message names the position, never the token.
            if (token.Length < MinimumTokenLength || token.Any(char.IsWhiteSpace))
            {
                throw new ConfigurationException(SettingNames.HttpTokens,
                    $"SIGMA_MCP_HTTP_TOKENS: token {i + 1} is too short or contains spaces. Use tokens of at least {MinimumTokenLength} characters without spaces, e.g. from `openssl rand -hex 32`.");
            }
        }

        return new BearerTokens(tokens);
    }

    private static string? ParseSecretId(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : SecretIdPattern().IsMatch(text.Trim()) ? text.Trim()
        : throw new ConfigurationException(SettingNames.HttpTokensSecretId,
            $"SIGMA_MCP_HTTP_TOKENS_SECRET_ID '{text}' is not a Secrets Manager secret name or ARN (letters, digits and /_+=.@:- only).");


    private static IPNetwork ParseProxy(string text) =>
        IPNetwork.TryParse(text, out var network) ? network
        : IPAddress.TryParse(text, out var address) ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
        : throw new ConfigurationException(SettingNames.TrustedProxies,
            $"SIGMA_MCP_TRUSTED_PROXIES: '{text}' is not an IP address or CIDR range. List the load balancers' addresses, e.g. 10.0.0.0/8,192.168.1.10.");

    private static string ParseAllowedHost(string host) =>
        AllowedHostPattern().IsMatch(host)
            ? host
            : throw new ConfigurationException(SettingNames.AllowedHosts,
                $"SIGMA_MCP_ALLOWED_HOSTS: '{host}' is not a host name. List the names clients use to reach this server, without scheme or port, e.g. mcp.example.com,*.internal.example.com.");

    private static string ParseOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery == "/" && !origin.EndsWith('/')
            ? origin
            : throw new ConfigurationException(SettingNames.CorsOrigins,
                $"SIGMA_MCP_CORS_ORIGINS: '{origin}' is not an origin. List scheme://host[:port] values without a path, e.g. https://app.example.com.");

    private static int ParseRateLimit(string? text) =>
        text is null ? DefaultRateLimit
        : int.TryParse(text, out var n) && n is >= 0 and <= 1_000_000 ? n
        : throw new ConfigurationException(SettingNames.RateLimit, $"SIGMA_MCP_RATE_LIMIT '{text}' must be a whole number of requests per minute per client from 0 (no limit) to 1000000.");

    [GeneratedRegex(@"^[A-Za-z0-9/_+=.@:-]{1,2048}$")]
    private static partial Regex SecretIdPattern();

    [GeneratedRegex(@"^http://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.*+_-]+)(?::[0-9]{1,5})?/?$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^(\*|(\*\.)?[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*|\[[0-9A-Fa-f:.]+\])$")]
    private static partial Regex AllowedHostPattern();
}
