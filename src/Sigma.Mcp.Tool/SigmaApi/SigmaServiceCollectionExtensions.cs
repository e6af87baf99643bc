using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;
using Sigma.Mcp.Tool;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Auth;
using Sigma.Mcp.Tool.SigmaApi.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Sigma REST client and its HTTP pipeline.</summary>
internal static class SigmaServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SigmaClient"/> for the organization in <paramref name="options"/>. Each request passes, outermost
    /// first: a total timeout, retries (429/502/503/504 and network errors; jittered exponential back-off that honours
    /// <c>Retry-After</c>), a per-attempt timeout, the export rate limit, the concurrency limit, then the bearer token
    /// (renewed once on a 401).
    /// </summary>
    public static IServiceCollection AddSigmaClient(this IServiceCollection services, SigmaClientOptions options)
    {
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SigmaTokenProvider>();
        services.AddSingleton(new ConcurrencyLimit(options.MaxConcurrency));
        services.AddSingleton<ExportRateLimits>();
        services.AddTransient<SigmaAuthenticationHandler>();
        services.AddTransient<ConcurrencyLimitHandler>();
        services.AddTransient<ExportRateLimitHandler>();

        services.AddHttpClient(SigmaTokenProvider.HttpClientName, http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts apply
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })
            .AddResilienceHandler("sigma-auth", pipeline => AddRetryAndTimeouts(pipeline, options));

        var sigma = services.AddHttpClient<SigmaClient>(http =>
        {
            http.BaseAddress = new Uri(options.BaseUrl, "/");
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        });
        sigma.AddResilienceHandler("sigma", pipeline => AddRetryAndTimeouts(pipeline, options));
        sigma.AddHttpMessageHandler<ExportRateLimitHandler>()
            .AddHttpMessageHandler<ConcurrencyLimitHandler>()
            .AddHttpMessageHandler<SigmaAuthenticationHandler>();

        return services;
    }

    private static void AddRetryAndTimeouts(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SigmaClientOptions options) => pipeline
        .AddTimeout(options.TotalTimeout)
        .AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = TimeSpan.FromSeconds(60),
            ShouldRetryAfterHeader = true,
            // 500 is not retried: Sigma uses it for permanent answers such as "no lineage for this element".
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Exception: HttpRequestException or TimeoutRejectedException } => true,
                { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
                _ => false,
            }),
        })
        .AddTimeout(options.AttemptTimeout);

    private static string UserAgent => $"sigma-mcp/{ToolVersion.Current}";
}
