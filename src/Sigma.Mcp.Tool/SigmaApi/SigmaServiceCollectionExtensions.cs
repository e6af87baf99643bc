using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Telemetry;
using Sigma.Mcp.Tool.Aws;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi.Auth;
using Sigma.Mcp.Tool.SigmaApi.Credentials;
using Sigma.Mcp.Tool.SigmaApi.Http;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>Registers the Sigma REST client and its HTTP pipeline.</summary>
internal static class SigmaServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SigmaClient"/> for the organization in <paramref name="options"/>. Each request passes, outermost
    /// first: the bearer token (renewed once on a 401), a total timeout, retries (see <see cref="SigmaRetryPolicy"/>), a
    /// per-attempt timeout, the export rate limit, then the concurrency limit, which the token request also passes. The client id and secret come from the settings, or from the Secrets Manager secret in
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

        var auth = services.AddHttpClient(SigmaTokenProvider.HttpClientName, http =>
        {
            http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts apply
            http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        });
        auth.AddResilienceHandler("sigma-auth", pipeline => AddRetryAndTimeouts(pipeline, options));
        auth.AddHttpMessageHandler<ConcurrencyLimitHandler>();

        var sigma = services.AddHttpClient<SigmaClient>(http =>
        {
            http.BaseAddress = new Uri(options.BaseUrl, "/");
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        });

        // The token comes first, through its own pipeline: its failure is final (already retried as its kind allows), it
        // is not counted against this request's attempt timeout, and it takes a concurrency slot of its own (the limit
        // holds for every request to Sigma) without a request holding a slot ever waiting for it.
        sigma.AddHttpMessageHandler<SigmaAuthenticationHandler>();
        sigma.AddResilienceHandler("sigma", pipeline => AddRetryAndTimeouts(pipeline, options));
        sigma.AddHttpMessageHandler<ExportRateLimitHandler>()
            .AddHttpMessageHandler<ConcurrencyLimitHandler>();

        // Retries, timeouts and each attempt are Debug: the caller reports the outcome once, with its cause.
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = _ => ResilienceEventSeverity.Debug);

        return services;
    }

    private static void AddCredentialSource(IServiceCollection services, SigmaClientOptions options)
    {
        if (options.CredentialsSecretId is { } secretId)
        {
            // The SSM client is built on the first read, so that a missing region or AWS identity is that read's error.
            services.AddSingleton<ISigmaCredentialSource>(sp => new SecretsManagerCredentialSource(
                () => SecretsManagerSecret.CreateClient(secretId, SettingNames.CredentialsSecretId, options.AwsRegion, options.AwsProfile),
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
        .AddRetry(SigmaRetryPolicy.Create(options))
        .AddTimeout(options.AttemptTimeout);

    private static string UserAgent => $"sigma-mcp/{ToolVersion.Current}";
}
