using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;
using Sigma.Mcp.Tool.SigmaApi.Auth;
using Sigma.Mcp.Tool.SigmaApi.Credentials;
using Sigma.Mcp.Tool.SigmaApi.Http;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>
/// Sigma's HTTP stack (the HTTP client factory, the resilience pipelines, the handlers, the token provider) in a service
/// provider of its own, built the first time something asks for a <see cref="SigmaClient"/>. A session that only reads
/// the cache, as every stdio start does once the cache knows the organization, never builds it, so it never loads
/// System.Net.Http, Polly and the resilience packages: measured, 2.5 MiB less peak memory for <c>serve</c>. What it
/// shares with the host (the Sigma settings, the credentials, the clock, logging, metrics, and any
/// <see cref="SigmaRequestHandler"/>) comes from the host's provider.
/// </summary>
internal sealed class SigmaHttpServices(IServiceProvider host) : IDisposable, IAsyncDisposable
{
    private readonly Lazy<ServiceProvider> _services = new(() => Build(host));

    /// <summary>A Sigma client (a typed HTTP client: transient, cheap once the stack is built).</summary>
    public SigmaClient CreateClient() => _services.Value.GetRequiredService<SigmaClient>();

    /// <summary>The one token provider of this host.</summary>
    public SigmaTokenProvider Tokens => _services.Value.GetRequiredService<SigmaTokenProvider>();

    public void Dispose()
    {
        if (_services.IsValueCreated)
        {
            _services.Value.Dispose();
        }
    }

    public ValueTask DisposeAsync() => _services.IsValueCreated ? _services.Value.DisposeAsync() : ValueTask.CompletedTask;

    private static ServiceProvider Build(IServiceProvider host)
    {
        var settings = host.GetRequiredService<IOptions<SigmaClientOptions>>();
        var options = settings.Value;
        var services = new ServiceCollection();
        services.AddSingleton(settings);
        services.AddSingleton(host.GetRequiredService<ISigmaCredentialSource>());
        services.AddSingleton(host.GetRequiredService<TimeProvider>());
        // Instances from the host: this provider uses them and leaves their disposal to the host.
        services.AddSingleton(host.GetRequiredService<ILoggerFactory>());
        if (host.GetService<IMeterFactory>() is { } meters)
        {
            services.AddSingleton(meters);
        }

        services.AddSingleton<SigmaTokenProvider>();
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
        foreach (var handler in host.GetServices<SigmaRequestHandler>())
        {
            sigma.AddHttpMessageHandler(handler.Create);
        }

        // Retries, timeouts and each attempt are Debug: the caller reports the outcome once, with its cause.
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = _ => ResilienceEventSeverity.Debug);
        return services.BuildServiceProvider();
    }

    private static void AddRetryAndTimeouts(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, SigmaClientOptions options) => pipeline
        .AddTimeout(options.TotalTimeout)
        .AddRetry(SigmaRetryPolicy.Create(options))
        .AddTimeout(options.AttemptTimeout);

    private static string UserAgent => $"sigma-mcp/{ToolVersion.Current}";
}
