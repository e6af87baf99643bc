using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Diagnostics;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>Builds the generic host that every command runs in: validated settings, stderr logging, the Sigma client.</summary>
internal static class ToolHost
{
    public static HostApplicationBuilder CreateBuilder(ToolSettings settings)
    {
        // The empty builder reads no appsettings, environment or argv on its own: settings were already merged and
        // validated by SettingsLoader, and System.CommandLine owns argv. It also keeps start-up lean.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.AddToolServices(settings);
        return builder;
    }

    /// <summary>What every command and both transports run with: settings, stderr logging, the Sigma client, the cache, the heartbeat.</summary>
    public static void AddToolServices(this IHostApplicationBuilder builder, ToolSettings settings)
    {
        builder.Logging.AddStderrConsole(settings.LogLevel);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSigmaClient(settings.Sigma);
        builder.Services.AddSigmaCache(settings.Cache);
        builder.Services.AddSingleton<HeartbeatService>();
    }

    /// <summary>Every log line goes to stderr: in <c>serve</c>, stdout carries JSON-RPC and nothing else.</summary>
    public static ILoggingBuilder AddStderrConsole(this ILoggingBuilder logging, LogLevel minimumLevel)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(minimumLevel);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (minimumLevel >= LogLevel.Information)
        {
            // One line per HTTP attempt to Sigma is noise at the default level; at debug it is the detail asked for.
            logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
            logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);

            // The SDK writes two or three Information lines per request; ToolCallLog writes one per tool call instead.
            // At debug they all show.
            logging.AddFilter("ModelContextProtocol", LogLevel.Warning);
        }

        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return logging;
    }
}
