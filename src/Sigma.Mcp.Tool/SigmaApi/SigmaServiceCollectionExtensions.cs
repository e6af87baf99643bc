using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using Sigma.Mcp.Tool;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Auth;
using Sigma.Mcp.Tool.SigmaApi.Credentials;
using Sigma.Mcp.Tool.SigmaApi.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Sigma REST client and its HTTP pipeline.</summary>
internal static class SigmaServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SigmaClient"/> for the organization in <paramref name="options"/>. Each request passes, outermost
    /// first: a total timeout, retries (429/502/503/504 and network errors; jittered exponential back-off that honours
    /// <c>Retry-After</c>), a per-attempt timeout, the export rate limit, the concurrency limit, then the bearer token
    /// (renewed once on a 401). The client id and secret come from the settings, or from the Secrets Manager secret in
    /// <see cref="SigmaClientOptions.CredentialsSecretId"/> when that is set.
    /// </summary>
    public static IServiceCollection AddSigmaClient(this IServiceCollection services, SigmaClientOptions options)
    {
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SigmaTokenProvider>();
        AddCredentialSource(services, options);
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

    private static void AddCredentialSource(IServiceCollection services, SigmaClientOptions options)
    {
        if (options.CredentialsSecretId is { } secretId)
        {
            // The SSM client is built on the first read, so that a missing region or AWS identity is that read's error.
            services.AddSingleton<ISigmaCredentialSource>(sp => new SecretsManagerCredentialSource(
                () => SecretsManagerCredentialSource.CreateClient(secretId, options.AwsRegion, options.AwsProfile),
                secretId,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SecretsManagerCredentialSource>>()));
        }
        else
        {
            services.AddSingleton<ISigmaCredentialSource>(new StaticCredentialSource(new SigmaCredentials(options.ClientId, options.ClientSecret)));
        }
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
