using System.Net;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>Validates and normalises <c>SIGMA_BASE_URL</c>.</summary>
internal static class SigmaBaseUrl
{
    public const string Default = "https://api.sigmacomputing.com";

    /// <summary>Sigma's published API hosts, one per cloud and region.</summary>
    public static readonly IReadOnlySet<string> KnownHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api.sigmacomputing.com", "api.sa.gcp.sigmacomputing.com",
        "aws-api.sigmacomputing.com", "api.us-a.aws.sigmacomputing.com", "api.ca.aws.sigmacomputing.com",
        "api.eu.aws.sigmacomputing.com", "api.au.aws.sigmacomputing.com", "api.uk.aws.sigmacomputing.com",
        "api.us.azure.sigmacomputing.com", "api.eu.azure.sigmacomputing.com", "api.ca.azure.sigmacomputing.com",
        "api.uk.azure.sigmacomputing.com", "api.au.azure.sigmacomputing.com",
    };

    private const string Fix = "Set SIGMA_BASE_URL to your organization's API host, e.g. https://aws-api.sigmacomputing.com (Sigma: Administration → Developer Access).";

    /// <summary>Accepts a regional host with or without a trailing <c>/v2</c>; plain http only on loopback.</summary>
    /// <exception cref="ConfigurationException">The value is not a usable API base URL.</exception>
    public static Uri Parse(string value)
    {
        var text = value.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConfigurationException(SettingNames.BaseUrl, $"SIGMA_BASE_URL '{text}' is not an http(s) URL. {Fix}");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            throw new ConfigurationException(SettingNames.BaseUrl,
                $"SIGMA_BASE_URL '{text}' uses plain http, which is allowed only for loopback addresses. Use https://{uri.Authority}.");
        }

        if (uri.Host.StartsWith("app.", StringComparison.OrdinalIgnoreCase) && uri.Host.EndsWith(".sigmacomputing.com", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException(SettingNames.BaseUrl, $"SIGMA_BASE_URL '{text}' is Sigma's web app, not its API host. {Fix}");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new ConfigurationException(SettingNames.BaseUrl, $"SIGMA_BASE_URL '{text}' must not have a query or fragment. {Fix}");
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.Length > 0 && !path.Equals("/v2", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException(SettingNames.BaseUrl, $"SIGMA_BASE_URL '{text}' has path '{path}'; only an optional '/v2' is allowed. {Fix}");
        }

        return new Uri($"{uri.Scheme}://{uri.Authority}");
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>True for Sigma's published hosts and for loopback (the sandbox); false for anything else.</summary>
    public static bool IsKnown(Uri baseUrl) => KnownHosts.Contains(baseUrl.Host) || IsLoopback(baseUrl);
}
