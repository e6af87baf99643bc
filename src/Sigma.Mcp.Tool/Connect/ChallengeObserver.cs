using System.Net;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// Notes whether the server's last 401 offered an OAuth login (a <c>resource_metadata</c> parameter in
/// <c>WWW-Authenticate</c>, RFC 9728). Without one the SDK's OAuth client still guesses at the server's own origin and
/// fails with a message about metadata; the user needs to hear "this server wants a token" instead.
/// </summary>
internal sealed class ChallengeObserver(Uri endpoint) : DelegatingHandler(new SocketsHttpHandler
{
    // A short connect timeout: an unreachable server must turn into an error quickly, never a hang.
    ConnectTimeout = TimeSpan.FromSeconds(3),
    PooledConnectionLifetime = TimeSpan.FromMinutes(2),
})
{
    private volatile int _state; // 0: no 401 seen, 1: 401 with a login offer, 2: 401 without

    /// <summary>True when the last 401 from the MCP endpoint came without a login offer.</summary>
    public bool LastChallengeOfferedNoLogin => _state == 2;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && request.RequestUri == endpoint)
        {
            var offersLogin = response.Headers.WwwAuthenticate.Any(h =>
                h.Parameter?.Contains("resource_metadata", StringComparison.OrdinalIgnoreCase) == true);
            _state = offersLogin ? 1 : 2;
        }

        return response;
    }
}
