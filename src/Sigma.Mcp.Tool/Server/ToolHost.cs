using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Diagnostics;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Server;

/// <summary>Builds the generic host that every command runs in: validated settings, stderr logging, the Sigma client.</summary>
internal static class ToolHost
{
    public static HostApplicationBuilder CreateBuilder(ToolSettings settings)
    {
        // The empty builder reads no appsettings, environment or argv on its own: the command already read and validated
        // the settings (ToolSettings.Load), and System.CommandLine owns argv. It also keeps start-up lean.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.AddToolServices(settings);
        return builder;
    }

    /// <summary>
    /// What every command and both transports run with: each feature's options, stderr logging, the Sigma client, the
    /// cache, the refresh, the heartbeat.
    /// </summary>
    public static void AddToolServices(this IHostApplicationBuilder builder, ToolSettings settings)
    {
        builder.Logging.AddStderrConsole(settings.LogLevel);
        builder.Services.AddSingleton(Options.Create(settings.Search));
        builder.Services.AddSingleton(Options.Create(settings.Tools));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSigmaClient(settings.Sigma);
        builder.Services.AddSigmaCache(settings.Cache);
        builder.Services.AddTransient<CacheRefresher>();
        builder.Services.AddSingleton<BackgroundRefresh>();
        builder.Services.AddSingleton<HeartbeatService>();
    }
}
