using System.Net;
using System.Net.Http.Headers;

namespace Sigma.Mcp.Tool.SigmaApi.Auth;

/// <summary>
/// Adds the bearer token to every Sigma request; on a 401 it renews the token once and retries the request once,
/// which is how an expired token in the middle of a long job is survived.
/// </summary>
internal sealed class SigmaAuthenticationHandler(SigmaTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokens.Invalidate(token);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
