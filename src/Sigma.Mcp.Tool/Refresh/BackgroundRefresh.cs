using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Refresh;

/// <summary>
/// Refreshes started by <c>refresh_cache</c>, run in the background of the server so that none is thrown away
/// because a client stopped waiting or the tool call timed out. One at a time per server: a call while one runs joins
/// it; a call after one ended unseen gets its outcome; otherwise a call starts a new one. Stopped with the server.
/// </summary>
internal sealed partial class BackgroundRefresh(CacheRefresher refresher, IServiceProvider services, TimeProvider time, ILogger<BackgroundRefresh> logger)
    : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan s_unseenOutcomeKept = TimeSpan.FromMinutes(15);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private RefreshRun? _last;

    /// <summary>
    /// How long one call waits for the refresh before returning its progress so far. Default 4 minutes 30 seconds,
    /// under the 5-minute tool timeout.
    /// </summary>
    public TimeSpan CallWait { get; set; } = TimeSpan.FromSeconds(270);

    /// <summary>The run a call should report on: the one running, the last one if no caller has seen its end, or a new one.</summary>
    public RefreshRun StartOrJoin(RefreshOptions options)
    {
        lock (_gate)
        {
            // An outcome nobody saw is given to the next call, unless it is old news by then.
            if (_last is { } last && (!last.Completion.IsCompleted || (!last.Reported && time.GetUtcNow() - last.FinishedAt < s_unseenOutcomeKept)))
            {
                return last;
            }

            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            var run = new RefreshRun(time.GetUtcNow());
            run.Completion = RunAsync(run, options);
            _last = run;
            return run;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_last?.Completion is { } running)
        {
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None));
        }

        _stopping.Dispose();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task<RefreshSummary> RunAsync(RefreshRun run, RefreshOptions options)
    {
        await Task.Yield();
        try
        {
            var summary = await refresher.RefreshAsync(options, run, _stopping.Token);
            if (services.GetService<SearchIndexProvider>() is { } index)
            {
                await index.ReloadAsync(_stopping.Token);
            }

            return summary;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex.Message);
            throw;
        }
        finally
        {
            run.Finish(time.GetUtcNow());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background cache refresh failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
