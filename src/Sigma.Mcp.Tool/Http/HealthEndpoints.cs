using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// <c>/healthz</c> (liveness: the process serves HTTP; no Sigma call) and <c>/readyz</c> (readiness: see
/// <see cref="ReadinessProbe"/>). Neither needs a token, and neither says anything secret.
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(HttpServerHost.LivenessPath, static context =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsJsonAsync(new Liveness("ok"), HttpJsonContext.Default.Liveness, cancellationToken: context.RequestAborted);
        });

        endpoints.MapGet(HttpServerHost.ReadinessPath, static async context =>
        {
            var readiness = await context.RequestServices.GetRequiredService<ReadinessProbe>().CheckAsync(context.RequestAborted);
            context.Response.StatusCode = readiness.Reason is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(readiness, HttpJsonContext.Default.Readiness, cancellationToken: context.RequestAborted);
        });
    }
}
