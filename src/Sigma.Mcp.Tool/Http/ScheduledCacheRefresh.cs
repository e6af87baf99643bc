using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// <c>--refresh-interval</c>: an incremental cache refresh at start and then on that schedule. Several instances
/// sharing one table may all try; the cache's lease lets one run, and the others log that and wait for their next
/// tick. They pick the new generation up through the search index's poll.
/// </summary>
internal sealed partial class ScheduledCacheRefresh(
    CacheRefresher refresher, SearchIndexProvider index, TimeSpan interval, TimeProvider time, ILogger<ScheduledCacheRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await RefreshOnceAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RefreshOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var summary = await refresher.RefreshAsync(new RefreshOptions(), progress: null, stoppingToken);
            LogRefreshed(logger, summary.Metadata.Generation, summary.Added, summary.Changed, summary.Removed, interval);
            await index.ReloadAsync(stoppingToken);
        }
        catch (RefreshInProgressException ex)
        {
            LogSkipped(logger, ex.HeldBy.Holder, interval);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A failed refresh must not stop the server (an unhandled exception in a hosted service would): the
            // published generation stays in service, and the next tick tries again.
            LogFailed(logger, ex.Message, interval);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled cache refresh published generation {Generation}: {Added} added, {Changed} changed, {Removed} removed; next in {Interval}")]
    private static partial void LogRefreshed(ILogger logger, long generation, int added, int changed, int removed, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled cache refresh skipped: another refresh holds the lease ({Holder}); next try in {Interval}")]
    private static partial void LogSkipped(ILogger logger, string holder, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled cache refresh failed: {Reason}; next try in {Interval}")]
    private static partial void LogFailed(ILogger logger, string reason, TimeSpan interval);
}
