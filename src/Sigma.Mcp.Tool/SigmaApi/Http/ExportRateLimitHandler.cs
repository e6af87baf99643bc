using System.Threading.RateLimiting;

namespace Sigma.Mcp.Tool.SigmaApi.Http;

/// <summary>
/// Keeps export requests and download polls under Sigma's published 400 per minute each, by waiting, not failing.
/// </summary>
internal sealed class ExportRateLimitHandler(ExportRateLimits limits) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var limiter = path.EndsWith("/export", StringComparison.Ordinal) ? limits.Exports
            : path.EndsWith("/download", StringComparison.Ordinal) && path.Contains("/v2/query/", StringComparison.Ordinal) ? limits.Downloads
            : null;
        if (limiter is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The two sliding windows of <see cref="ExportRateLimitHandler"/>, shared by the whole process.</summary>
internal sealed class ExportRateLimits : IDisposable
{
    public const int PerMinute = 400;

    public RateLimiter Exports { get; } = Create();

    public RateLimiter Downloads { get; } = Create();

    public void Dispose()
    {
        Exports.Dispose();
        Downloads.Dispose();
    }

    private static SlidingWindowRateLimiter Create() => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = PerMinute,
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 6,
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });
}
