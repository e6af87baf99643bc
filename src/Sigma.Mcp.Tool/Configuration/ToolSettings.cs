using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Configuration;

/// <summary>Every setting of one invocation, validated. Built once by <see cref="SettingsLoader"/>.</summary>
internal sealed class ToolSettings
{
    public required SigmaClientOptions Sigma { get; init; }

    public required CacheOptions Cache { get; init; }

    /// <summary>The lowest log level written to stderr.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>
    /// How often the search index checks the cache for a newly published generation (default 30 s). This is how
    /// servers sharing one DynamoDB table pick up a refresh made elsewhere.
    /// </summary>
    public TimeSpan CachePollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Which tools the MCP server offers, and the budget of one result.</summary>
    public ToolSwitches Tools { get; init; } = ToolSwitches.All;

    /// <summary>True when the organization is the built-in sandbox rather than a real Sigma.</summary>
    public bool IsSandbox { get; init; }
}
