using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Diagnostics;

/// <summary>
/// Checks credentials, Sigma connectivity and cache state. Shared by the <c>heartbeat</c> tool and the CLI
/// command so that both say the same thing. Never throws for an unhealthy server: that is a result, with a reason and a next step.
/// </summary>
internal sealed partial class HeartbeatService(SigmaClient sigma, ToolSettings settings, TimeProvider time, ILogger<HeartbeatService> logger)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    public async Task<HeartbeatReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var baseUrl = settings.Sigma.BaseUrl.ToString().TrimEnd('/');
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            var me = await sigma.GetWhoAmIAsync(timeout.Token);
            var api = new SigmaApiHealth(true, Elapsed(started), baseUrl, me.OrganizationId,
                new UserInfo(me.UserId, me.OrganizationId, me.AccountType, me.Email, me.Name), 200, null, null);
            return Report(HeartbeatReport.Healthy, api, error: null, nextStep: null);
        }
        catch (SigmaApiException ex)
        {
            LogUnhealthy(logger, ex.Message);
            var api = new SigmaApiHealth(false, Elapsed(started), baseUrl, null, null, (int?)ex.Status, ex.ErrorCode, ex.RequestId);
            return Report(HeartbeatReport.Unhealthy, api, ex.Message, ex.Hint);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"Sigma did not answer within {s_timeout.TotalSeconds:0} s.";
            LogUnhealthy(logger, message);
            var api = new SigmaApiHealth(false, Elapsed(started), baseUrl, null, null, null, "timeout", null);
            return Report(HeartbeatReport.Unhealthy, api, message, "Check the network and that SIGMA_BASE_URL is your organization's API host.");
        }
    }

    private HeartbeatReport Report(string status, SigmaApiHealth api, string? error, string? nextStep) => new(
        status,
        time.GetUtcNow(),
        api,
        DescribeCache(),
        new ServerInfo(
            "sigma-mcp",
            ToolVersion.Current,
            RuntimeInformation.FrameworkDescription,
            settings.IsSandbox ? "sandbox" : "local",
            Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "local"),
        error,
        nextStep);

    // The cache itself arrives with the cache work; until then the heartbeat says where it will live.
    private DocumentCacheHealth DescribeCache() =>
        new(settings.Cache.BackendName, settings.Cache.Location, "not_built", 0, 0, "never");

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat unhealthy: {Reason}")]
    private static partial void LogUnhealthy(ILogger logger, string reason);
}
