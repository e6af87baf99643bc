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
