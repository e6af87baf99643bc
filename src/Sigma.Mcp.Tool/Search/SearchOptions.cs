using Microsoft.Extensions.Configuration;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Search;

/// <summary>How the search index follows the cache.</summary>
internal sealed record SearchOptions
{
    /// <summary>
    /// How often the index checks the cache for a newly published generation (default 30 s). This is how servers
    /// sharing one DynamoDB table pick up a refresh made elsewhere.
    /// </summary>
    public TimeSpan CachePollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <exception cref="ConfigurationException"><c>SIGMA_MCP_CACHE_POLL_INTERVAL</c> is not a duration from 1 s to 1 h.</exception>
    public static SearchOptions From(IConfiguration configuration) => new()
    {
        CachePollInterval = configuration.Duration(SettingNames.CachePollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? TimeSpan.FromSeconds(30),
    };
}
