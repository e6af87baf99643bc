using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Diagnostics;

/// <summary>
/// Checks credentials, Sigma connectivity and cache state. Shared by the <c>heartbeat</c> tool and the CLI
/// command so that both say the same thing. Never throws for an unhealthy server: that is a result, with a reason and a next step.
/// </summary>
internal sealed partial class HeartbeatService(SigmaClient sigma, ICache cache, IOptions<SigmaClientOptions> sigmaOptions, IOptions<CacheOptions> cacheOptions, TimeProvider time, ILogger<HeartbeatService> logger)
{
    /// <summary>The whole check's budget: a silent host is reported well within 15 s (one attempt and most of its retry).</summary>
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(12);

    public async Task<HeartbeatReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var baseUrl = sigmaOptions.Value.BaseUrl.ToString().TrimEnd('/');
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        SigmaApiHealth api;
        try
        {
            var me = await sigma.GetWhoAmIAsync(timeout.Token);
            api = new SigmaApiHealth(true, Elapsed(started), baseUrl, me.OrganizationId,
                new UserInfo(me.UserId, me.OrganizationId, me.AccountType, me.Email, me.Name), 200, null, null);
        }
        catch (SigmaApiException ex)
        {
            LogUnhealthy(logger, ex.Message);
            api = new SigmaApiHealth(false, Elapsed(started), baseUrl, null, null, (int?)ex.Status, ex.ErrorCode, ex.RequestId);
            return Report(HeartbeatReport.Unhealthy, api, await CacheWithoutSigmaAsync(cancellationToken), ex.Message, ex.Hint);
        }
        catch (ConfigurationException ex)
        {
            // The credentials themselves could not be had (e.g. the AWS secret is missing or unreadable).
            LogUnhealthy(logger, ex.Message);
            api = new SigmaApiHealth(false, Elapsed(started), baseUrl, null, null, null, "credentials_unavailable", null);
            return Report(HeartbeatReport.Unhealthy, api, Unknown(), ex.Message, $"Fix {ex.Setting} as the error says, then call heartbeat again.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var message = $"Sigma API at {sigmaOptions.Value.BaseUrl.Authority} got no response (timeout): it did not answer within {s_timeout.TotalSeconds:0} s.";
            LogUnhealthy(logger, message);
            api = new SigmaApiHealth(false, Elapsed(started), baseUrl, null, null, null, SigmaApi.Http.NetworkFailure.Timeout, null);
            return Report(HeartbeatReport.Unhealthy, api, await CacheWithoutSigmaAsync(cancellationToken), message,
                SigmaApi.Http.NetworkFailure.Hint(SigmaApi.Http.NetworkFailure.Timeout));
        }

        try
        {
            var metadata = await cache.GetMetadataAsync(api.OrganizationId!, timeout.Token);
            return Report(HeartbeatReport.Healthy, api, Describe(metadata), error: null,
                nextStep: metadata is null ? $"The cache is empty: run 'sigma-mcp cache refresh{(sigmaOptions.Value.IsSandbox ? " --sandbox" : "")}' (or the refresh_cache tool) so that search has documents."
                    : metadata.Warnings.Count > 0 ? $"The last refresh could not read everything (see document_cache.warnings): {metadata.Warnings[0]}"
                    : null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var message = $"The {cache.Backend} cache at {cache.Location} could not be read: {ex.Message}";
            LogUnhealthy(logger, message);
            return Report(HeartbeatReport.Unhealthy, api, State("unavailable", null), message,
                cacheOptions.Value.Backend == CacheBackend.LiteDb
                    ? "Check that SIGMA_MCP_CACHE_PATH is a writable file path."
                    : "Check CACHE_TABLE_NAME, AWS_REGION and the AWS credentials; 'sigma-mcp cache init' creates the table.");
        }
    }

    private HeartbeatReport Report(string status, SigmaApiHealth api, DocumentCacheHealth cacheHealth, string? error, string? nextStep) => new(
        status,
        time.GetUtcNow(),
        api,
        cacheHealth,
        new ServerInfo(
            "sigma-mcp",
            ToolVersion.Current,
            RuntimeInformation.FrameworkDescription,
            sigmaOptions.Value.IsSandbox ? "sandbox" : "local",
            Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "local"),
        error,
        nextStep);

    // With Sigma down, the cache is still read through the organization id stored with it: search keeps working.
    private async Task<DocumentCacheHealth> CacheWithoutSigmaAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            return await cache.GetOrganizationAsync(CacheConnection.Key(sigmaOptions.Value), timeout.Token) is { } organizationId
                ? Describe(await cache.GetMetadataAsync(organizationId, timeout.Token))
                : Unknown();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return State("unavailable", null);
        }
    }

    private DocumentCacheHealth Describe(CacheMetadata? metadata) => State(metadata is null ? "empty" : "ready", metadata);

    private DocumentCacheHealth Unknown() => State("unknown", null);

    private DocumentCacheHealth State(string state, CacheMetadata? metadata)
    {
        int Count(string key) => metadata?.Counts.GetValueOrDefault(key) ?? 0;
        return new DocumentCacheHealth(
            cacheOptions.Value.BackendName,
            cacheOptions.Value.Location,
            state,
            metadata?.Generation,
            Count(DocumentTypes.Workbook),
            Count(DocumentTypes.DataModel),
            Count(DocumentTypes.Dataset),
            Count("element"),
            metadata?.RefreshCompletedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "never",
            metadata?.Warnings ?? []);
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat unhealthy: {Reason}")]
    private static partial void LogUnhealthy(ILogger logger, string reason);
}
