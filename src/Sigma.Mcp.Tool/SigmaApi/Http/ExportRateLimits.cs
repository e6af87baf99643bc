using System.Threading.RateLimiting;

namespace Sigma.Mcp.Tool.SigmaApi.Http;

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
