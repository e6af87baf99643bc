using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Sigma.Mcp.Tool.Http;

/// <summary>Cheap checks that refuse a request before anything reads it.</summary>
internal static class RequestGuards
{
    // How much of a refused body is still read (and thrown away), and for how long, before the connection closes.
    private const long DrainBytes = 4 * HttpServerSettings.MaxRequestBodyBytes;
    private static readonly TimeSpan s_drainTime = TimeSpan.FromSeconds(5);

    /// <summary>
    /// 413 for a declared body over <see cref="HttpServerSettings.MaxRequestBodyBytes"/>. A chunked body that grows
    /// past it is stopped by Kestrel's own limit, set to the same size.
    /// </summary>
    public static async Task RejectOversizedBodies(HttpContext context, RequestDelegate next)
    {
        if (context.Request.ContentLength > HttpServerSettings.MaxRequestBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            await context.Response.CompleteAsync();
            await DrainAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            // An expected refusal, not a server error worth a stack trace in the log.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }

    /// <summary>
    /// Reads what the client is still sending of a refused body, up to <see cref="DrainBytes"/> and
    /// <see cref="s_drainTime"/>. Closing the connection on unread data resets it, and a client still writing its body
    /// then sees a broken pipe instead of the 413 (as the tests did, now and then).
    /// </summary>
    private static async Task DrainAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null; // this loop is the limit
        }

        var buffer = new byte[16 * 1024];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(s_drainTime);
        try
        {
            long read = 0;
            int count;
            while (read < DrainBytes && (count = await context.Request.Body.ReadAsync(buffer, timeout.Token)) > 0)
            {
                read += count;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client went away, or took too long: the connection closes either way.
        }
    }

    /// <summary>
    /// 403 for a browser request whose <c>Origin</c> is neither a CORS origin nor one of the allowed hosts, as the MCP
    /// transport spec asks against DNS rebinding. Requests without <c>Origin</c> (every non-browser client) pass.
    /// </summary>
    public static Func<HttpContext, RequestDelegate, Task> RejectForeignOrigins(HttpServerSettings settings) => (context, next) =>
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0 || IsAllowed(origin, settings))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    };

    private static bool IsAllowed(string origin, HttpServerSettings settings)
    {
        if (settings.CorsOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost;
        return settings.AllowedHosts.Any(allowed => allowed == "*"
            || string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase)
            || (allowed.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)));
    }
}
