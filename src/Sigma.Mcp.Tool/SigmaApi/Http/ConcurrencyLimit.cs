namespace Sigma.Mcp.Tool.SigmaApi.Http;

/// <summary>The process-wide cap on requests in flight to Sigma, so that a refresh cannot flood the API.</summary>
internal sealed class ConcurrencyLimit(int maxConcurrency) : IDisposable
{
    public SemaphoreSlim Slots { get; } = new(maxConcurrency, maxConcurrency);

    public int MaxConcurrency => maxConcurrency;

    public void Dispose() => Slots.Dispose();
}
