namespace Sigma.Mcp.Tool.SigmaApi.Http;

/// <summary>
/// Holds a slot of <see cref="ConcurrencyLimit"/> for each attempt (not during retry back-off), from sending the request
/// until its response body is read and disposed: Sigma is busy with a request until the last byte of its answer, and
/// responses are read after their headers arrive.
/// </summary>
internal sealed class ConcurrencyLimitHandler(ConcurrencyLimit limit) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await limit.Slots.WaitAsync(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch
        {
            limit.Slots.Release();
            throw;
        }

        response.Content = new SlotHoldingContent(response.Content, limit.Slots);
        return response;
    }
}
