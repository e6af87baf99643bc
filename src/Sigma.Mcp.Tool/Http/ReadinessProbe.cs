using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Answers <c>/readyz</c>: ready when the search index is loaded from the cache; whether Sigma answered <c>whoami</c>
/// within the last minute is reported beside it, not a condition (tools that need Sigma say so themselves). Asks Sigma at most once a minute while healthy (every 10 s after a failure), however
/// often the probe is called, so that a load balancer's probes never load Sigma. Reasons name no secret.
/// </summary>
internal sealed class ReadinessProbe(SigmaClient sigma, SearchIndexProvider index, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan s_fresh = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_retryAfterFailure = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_whoAmITimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_indexWait = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _checking = new(1, 1);
    private long _checkedAtTicks = DateTimeOffset.MinValue.UtcTicks;
    private volatile string? _sigmaProblem = "Sigma has not been asked yet";

    public async Task<Readiness> CheckAsync(CancellationToken cancellationToken)
    {
        var sigmaProblem = await CheckSigmaAsync(cancellationToken);

        // A short wait covers the first load at start-up; after that the snapshot is there at once.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(s_indexWait);
        var snapshot = await index.GetAsync(wait.Token);
        var indexProblem = snapshot.State switch
        {
            CacheStates.Ready => null,
            CacheStates.Loading => "the search index is still loading",
            CacheStates.Empty => "the cache is empty: run 'sigma-mcp cache refresh' (or set --refresh-interval)",
            _ => "the cache could not be read (see the server log)",
        };

        return new Readiness(
            indexProblem is null ? "ready" : "not_ready",
            sigmaProblem is null ? "ok" : "failing",
            snapshot.State,
            snapshot.Index?.DocumentCount ?? 0,
            indexProblem is null || sigmaProblem is null ? indexProblem : $"{indexProblem}; {sigmaProblem}",
            sigmaProblem);
    }

    public void Dispose() => _checking.Dispose();

    private async Task<string?> CheckSigmaAsync(CancellationToken cancellationToken)
    {
        if (!IsDue())
        {
            return _sigmaProblem;
        }

        await _checking.WaitAsync(cancellationToken);
        try
        {
            if (!IsDue())
            {
                return _sigmaProblem;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(s_whoAmITimeout);
            try
            {
                await sigma.GetWhoAmIAsync(timeout.Token);
                _sigmaProblem = null;
            }
            catch (SigmaApiException ex)
            {
                _sigmaProblem = ex.Status is { } status ? $"Sigma answered whoami with HTTP {(int)status}" : "Sigma could not be reached";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                _sigmaProblem = $"Sigma did not answer whoami within {s_whoAmITimeout.TotalSeconds:0} s";
            }
            catch (HttpRequestException)
            {
                _sigmaProblem = "Sigma could not be reached";
            }

            Volatile.Write(ref _checkedAtTicks, time.GetUtcNow().UtcTicks);
            return _sigmaProblem;
        }
        finally
        {
            _checking.Release();
        }
    }

    private bool IsDue() =>
        time.GetUtcNow().UtcTicks - Volatile.Read(ref _checkedAtTicks) >= (_sigmaProblem is null ? s_fresh : s_retryAfterFailure).Ticks;
}
