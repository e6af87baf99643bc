using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Server;

/// <summary>
/// The options of every feature for one command, read and validated together when the command starts, so that a bad
/// setting stops it (exit 2) before it opens a file, a port or the sandbox. <see cref="ToolHost"/> registers each as
/// the feature's own <c>IOptions&lt;T&gt;</c>: no service receives this bundle.
/// </summary>
internal sealed record ToolSettings
{
    public required SigmaClientOptions Sigma { get; init; }

    public required CacheOptions Cache { get; init; }

    public SearchOptions Search { get; init; } = new();

    /// <summary>Which tools the MCP server offers, and the budget of one result.</summary>
    public ToolSwitches Tools { get; init; } = ToolSwitches.All;

    /// <summary>The lowest log level written to stderr.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Reads every feature's options from <paramref name="configuration"/>. Credentials are checked only when the command talks to Sigma.</summary>
    /// <exception cref="ConfigurationException">A setting is missing or malformed.</exception>
    public static ToolSettings Load(IConfiguration configuration, bool requireCredentials, bool isSandbox = false, LogLevel defaultLogLevel = LogLevel.Information) => new()
    {
        Sigma = SigmaClientOptions.From(configuration, requireCredentials, isSandbox),
        Cache = CacheOptions.From(configuration, isSandbox),
        LogLevel = configuration.LogLevel(defaultLogLevel),
        Tools = ToolSwitches.From(configuration),
        Search = SearchOptions.From(configuration),
    };
}
