using System.Net.Sockets;
using Polly.Timeout;

namespace Sigma.Mcp.Tool.SigmaApi.Http;

/// <summary>
/// What kind of failure kept a request from getting any response: the kinds fail at different speeds (see the retry
/// policy in <c>AddSigmaClient</c>) and are fixed in different places, so each is reported as what it is.
/// </summary>
internal static class NetworkFailure
{
    /// <summary>The host name does not resolve: a typo, the wrong region, or no network/VPN. Never retried.</summary>
    public const string Dns = "dns";

    /// <summary>Nothing listens on the host and port. Retried once, quickly.</summary>
    public const string ConnectionRefused = "connection_refused";

    /// <summary>The TLS handshake failed (https:// to a plain-HTTP port, or a proxy that intercepts TLS). Never retried.</summary>
    public const string Tls = "tls";

    /// <summary>The host accepted the connection but sent no response in time. Retried once.</summary>
    public const string Timeout = "timeout";

    /// <summary>Any other transport failure (connection reset, proxy error).</summary>
    public const string Other = "network_error";

    /// <summary>The host answered, but with something other than JSON (an HTML page from a proxy, captive portal or throttling).</summary>
    public const string NotJson = "not_json";

    /// <summary>The kind of <paramref name="exception"/>, which got no response.</summary>
    public static string Classify(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => Dns,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => Tls,
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => ConnectionRefused,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } when IsRefused(exception) => ConnectionRefused,
        TimeoutRejectedException or TimeoutException or TaskCanceledException => Timeout,
        _ => Other,
    };

    /// <summary>True for an exception the transport throws when no response came (as opposed to a bug or a cancellation by the caller).</summary>
    public static bool IsNoResponse(Exception exception, CancellationToken callerToken) => exception switch
    {
        HttpRequestException or TimeoutRejectedException or TimeoutException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>One sentence that says what happened, naming the host.</summary>
    public static string Describe(string kind, string host, Exception exception) => kind switch
    {
        Dns => $"the host name {host} could not be resolved (DNS)",
        ConnectionRefused => $"{host} refused the connection",
        Tls => $"the TLS handshake with {host} failed",
        Timeout => exception is TimeoutRejectedException { Timeout: var limit } && limit > TimeSpan.Zero
            ? $"{host} did not answer within {limit.TotalSeconds:0.#} s"
            : $"{host} did not answer in time",
        _ => $"{host}: {exception.Message}",
    };

    /// <summary>What to check for each kind; null when the kind has no specific advice.</summary>
    public static string? Hint(string? kind) => kind switch
    {
        Dns => "Check SIGMA_BASE_URL for a typo or the wrong regional host, then the network, VPN or DNS.",
        ConnectionRefused => "Check the host and port in SIGMA_BASE_URL, and that no firewall or proxy blocks them.",
        Tls => "Check that SIGMA_BASE_URL starts with https:// only for an HTTPS host, and any proxy that intercepts TLS (HTTPS_PROXY).",
        Timeout => "Check the network, VPN and proxy (HTTPS_PROXY; a proxy may accept connections and never answer), and SIGMA_BASE_URL.",
        Other => "Check the network, proxy and SIGMA_BASE_URL.",
        NotJson => "A proxy, captive portal or Sigma's throttling may have answered with a web page: check SIGMA_BASE_URL and the proxy (HTTPS_PROXY), and retry in a minute.",
        _ => null,
    };

    private static bool IsRefused(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }
}
