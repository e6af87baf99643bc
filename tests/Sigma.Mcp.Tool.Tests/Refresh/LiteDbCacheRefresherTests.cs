using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Caching.LiteDb;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Refresh;

/// <summary>Refreshes into a LiteDB file (one per test; every cache of a test opens the same file).</summary>
public sealed class LiteDbCacheRefresherTests : CacheRefresherTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<LiteDbCache> _opened = [];

    public void Dispose()
    {
        _opened.ForEach(c => c.Dispose());
        _directory.Dispose();
    }

    private protected override ICache OpenCache(TimeProvider time)
    {
        var cache = new LiteDbCache(_directory.File("cache.db"), time);
        _opened.Add(cache);
        return cache;
    }
}
