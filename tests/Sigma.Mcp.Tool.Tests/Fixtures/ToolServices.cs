using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>The tool's own service graph (the one every command runs), pointed at a sandbox.</summary>
internal static class ToolServices
{
    public static ToolSettings SettingsFor(SigmaSandbox sandbox, string? clientSecret = null, LogLevel logLevel = LogLevel.Warning, string? cachePath = null) =>
        TestConfiguration.Load(
            new Dictionary<string, string>(SandboxSettings.For(sandbox, clientSecret)!)
            {
                ["SIGMA_MCP_CACHE_PATH"] = cachePath ?? Path.Combine(Path.GetTempPath(), "sigma-mcp-tests", $"cache-{Guid.NewGuid():N}.db"),
            },
            requireCredentials: true,
            isSandbox: false,
            logLevel);

    /// <summary>
    /// Builds the host. <paramref name="sigma"/> adjusts the client's options (e.g. short retry delays);
    /// <paramref name="logs"/> receives every log line, at every level.
    /// </summary>
    public static IHost Build(
        SigmaSandbox sandbox,
        string? clientSecret = null,
        TimeProvider? time = null,
        Func<SigmaClientOptions, SigmaClientOptions>? sigma = null,
        ILoggerProvider? logs = null,
        string? cachePath = null,
        Action<IServiceCollection>? configure = null)
    {
        var settings = SettingsFor(sandbox, clientSecret, logs is null ? LogLevel.Warning : LogLevel.Trace, cachePath);
        if (sigma is not null)
        {
            settings = settings with { Sigma = sigma(settings.Sigma) };
        }

        var builder = ToolHost.CreateBuilder(settings);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        configure?.Invoke(builder.Services);

        return builder.Build();
    }

    /// <summary>Retries fast enough for tests; everything else as shipped.</summary>
    public static SigmaClientOptions FastRetries(SigmaClientOptions options) => options with { RetryBaseDelay = TimeSpan.FromMilliseconds(20) };
}
