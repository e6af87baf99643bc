using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Caching.LiteDb;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>Refresh processes sharing one LiteDB file.</summary>
public sealed class LiteDbCacheRefreshProcessTests : CacheRefreshProcessTests
{
    private LiteDbCache? _cache;

    private string CachePath => Path.Combine(WorkingDirectory, "cache.db");

    private protected override IReadOnlyDictionary<string, string?> BackendSettings => new Dictionary<string, string?>
    {
        ["SIGMA_MCP_CACHE"] = "litedb",
        ["SIGMA_MCP_CACHE_PATH"] = CachePath,
    };

    private protected override ICache OpenCache() => _cache ??= new LiteDbCache(CachePath, TimeProvider.System);

    private protected override void DisposeBackend() => _cache?.Dispose();
}
