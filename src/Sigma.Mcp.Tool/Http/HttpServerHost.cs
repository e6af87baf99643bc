using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using Sigma.Mcp.Tool.Server;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// The host of <c>sigma-mcp serve --http</c>: the same services and MCP server as stdio, on Kestrel, Streamable HTTP at
/// <c>/mcp</c>, stateless (any instance answers any request, so instances behind a load balancer need no affinity).
/// </summary>
internal static class HttpServerHost
{
    public const string McpPath = "/mcp";
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    private const string RateLimitPolicy = "per-client";

    /// <summary>The app with its request pipeline; see <see cref="CreateBuilder"/> for the services.</summary>
    /// <param name="settings">The tool's settings.</param>
    /// <param name="http">The HTTP settings.</param>
    /// <param name="configure">Tests' hook to adjust the services (a log capture, say) before the app is built.</param>
    public static WebApplication Build(ToolSettings settings, HttpServerSettings http, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CreateBuilder(settings, http);
        configure?.Invoke(builder);
        var app = builder.Build();
        if (http.TrustedProxies.Count > 0)
        {
            // Only the configured proxies' X-Forwarded-For/-Proto are believed, so a client cannot pick its own
            // rate-limit bucket by sending the header itself.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in http.TrustedProxies)
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            app.UseForwardedHeaders(forwarded);
        }

        // DNS-rebinding protection for /mcp. The probes are left out: they reveal nothing, and orchestrators send
        // the pod's address as Host.
        app.UseWhen(context => !IsProbe(context.Request.Path), branch => branch.UseHostFiltering());
        app.Use(RequestGuards.RejectOversizedBodies);
        app.UseRouting();
        if (http.CorsOrigins.Count > 0)
        {
            app.UseCors();
        }

        app.Use(RequestGuards.RejectForeignOrigins(http));
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        if (http.OAuth is not null)
        {
            app.Use(MemberAccessMiddleware.Create(http));
        }

        var mcp = app.MapMcp(McpPath);
        if (http.RateLimitPerMinute > 0)
        {
            mcp.RequireRateLimiting(RateLimitPolicy);
        }

        if (http.RequiresAuthentication)
        {
            mcp.RequireAuthorization();
        }

        HealthEndpoints.Map(app);
        return app;
    }

    /// <summary>The services: those of every command (<see cref="ToolHost"/>), the MCP server, and the HTTP concerns.</summary>
    public static WebApplicationBuilder CreateBuilder(ToolSettings settings, HttpServerSettings http)
    {
        // The empty builder reads no appsettings.json, ASPNETCORE_* variables or argv: every setting came through
        // SettingsLoader, as for stdio, so nothing else (ASPNETCORE_URLS, say) can quietly change where it listens.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls([.. http.Urls]).ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = HttpServerSettings.MaxRequestBodyBytes;
        });

        builder.AddToolServices(settings);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(http);
        builder.Services.AddSingleton<ReadinessProbe>();
        builder.Services.AddHostFiltering(o =>
        {
            o.AllowedHosts = [.. http.AllowedHosts];
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = false;
        });
        builder.Services.AddSigmaMcpAuthentication(http);
        if (http.TokensSecretId is not null)
        {
            builder.Services.AddSingleton(sp => new HttpTokenSecret(http, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HttpTokenSecret>>()));
        }

        if (http.OAuth is not null)
        {
            // Team mode: every Sigma call passes the caller's document set (see DocumentAccessHandler).
            builder.Services.AddSingleton<MemberAccessCache>();
            builder.Services.AddSingleton(new SigmaApi.SigmaRequestHandler(() => new DocumentAccessHandler()));
        }
        builder.Services.AddRateLimiter(o => ConfigureRateLimiter(o, http.RateLimitPerMinute));
        if (http.CorsOrigins.Count > 0)
        {
            builder.Services.AddCors(o => o.AddDefaultPolicy(policy => policy
                .WithOrigins([.. http.CorsOrigins])
                .WithMethods("GET", "POST", "DELETE")
                .AllowAnyHeader()
                .WithExposedHeaders("Mcp-Session-Id", "WWW-Authenticate", "Retry-After")));
        }

        if (http.RefreshInterval is { } interval)
        {
            builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<ScheduledCacheRefresh>(sp, interval));
        }

        builder.Services.AddSigmaMcpServer()
            .WithHttpTransport(o => o.SessionMode = HttpServerSessionMode.Stateless);

        return builder;
    }

    /// <summary>
    /// What <see cref="ToolHost.CreateBuilder"/> registers for every command, on the web builder; a test keeps the two
    /// lists equal.
    /// </summary>
    private static bool IsProbe(PathString path) => path == LivenessPath || path == ReadinessPath;

    /// <summary>
    /// A fixed window per client: per identity when a token was presented and accepted (authentication runs first):
    /// the static token's position, or the OAuth token's subject; otherwise per remote IP address (the forwarded one
    /// only from a trusted proxy), so that failed token guesses are limited too.
    /// </summary>
    private static void ConfigureRateLimiter(RateLimiterOptions options, int permitsPerMinute)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = (context, _) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return ValueTask.CompletedTask;
        };
        options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            context.User.Identity?.IsAuthenticated == true
                ? $"user:{context.User.Identity.AuthenticationType}:{context.User.Identity.Name}"
                : "ip:" + context.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permitsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}
