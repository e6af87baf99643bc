namespace Sigma.Mcp.Tool.SigmaApi.Http;

/// <summary>Holds a slot of <see cref="ConcurrencyLimit"/> for each attempt (not during retry back-off).</summary>
internal sealed class ConcurrencyLimitHandler(ConcurrencyLimit limit) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await limit.Slots.WaitAsync(cancellationToken);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            limit.Slots.Release();
        }
    }
}
