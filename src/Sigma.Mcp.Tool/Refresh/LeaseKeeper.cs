using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Refresh;

/// <summary>
/// Renews a refresh's lease every third of its duration while the refresh runs. A renewal that fails to ask (a network
/// blip, a throttled table) is retried soon, since the lease is still ours until someone else takes it; only a lease
/// that is truly lost (<see cref="LeaseLostException"/>) stops the refresh, through <see cref="Lost"/> and the
/// cancellation of its token. Never throws.
/// </summary>
internal sealed partial class LeaseKeeper(ICache cache, RefreshLease lease, TimeSpan duration, TimeProvider time, ILogger logger)
{
    private volatile LeaseLostException? _lost;

    /// <summary>Set when the lease was lost to another holder.</summary>
    public LeaseLostException? Lost => _lost;

    public async Task RunAsync(CancellationTokenSource refresh)
    {
        var every = duration / 3;
        var retry = duration / 12;
        var delay = every;
        while (true)
        {
            try
            {
                await Task.Delay(delay, time, refresh.Token);
                await cache.RenewLeaseAsync(lease, duration, refresh.Token);
                delay = every;
            }
            catch (OperationCanceledException) when (refresh.IsCancellationRequested)
            {
                return; // the refresh is over
            }
            catch (LeaseLostException ex)
            {
                _lost = ex;
                LogLost(logger, lease.OrganizationId, ex.LostTo);
                await refresh.CancelAsync();
                return;
            }
            catch (Exception ex)
            {
                // A transient failure (the cache unreachable for a moment) is expected: one line at Warning, the stack at Debug.
                LogRenewalFailed(logger, lease.OrganizationId, retry, ex.Message);
                LogRenewalFailure(logger, ex);
                delay = retry;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the refresh lease of organization {OrganizationId}; trying again in {Retry}: {Reason}")]
    private static partial void LogRenewalFailed(ILogger logger, string organizationId, TimeSpan retry, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Lease renewal failure in detail")]
    private static partial void LogRenewalFailure(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The refresh lease of organization {OrganizationId} was lost to {Holder}; stopping before publishing")]
    private static partial void LogLost(ILogger logger, string organizationId, string? holder);
}
