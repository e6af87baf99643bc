using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>The tool's own service graph (the one every command runs), pointed at a sandbox.</summary>
internal static class ToolServices
{
    public static ToolSettings SettingsFor(SigmaSandbox sandbox, string? clientSecret = null) =>
        SettingsLoader.Validate(
            new Dictionary<string, string>(SandboxSettings.For(sandbox, clientSecret)!)
            {
                ["SIGMA_MCP_CACHE_PATH"] = Path.Combine(Path.GetTempPath(), "sigma-mcp-tests-unused", "cache.db"),
            },
            requireCredentials: true,
            isSandbox: false,
            LogLevel.Warning);

    public static IHost Build(SigmaSandbox sandbox, string? clientSecret = null, TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var builder = ToolHost.CreateBuilder(SettingsFor(sandbox, clientSecret));
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
