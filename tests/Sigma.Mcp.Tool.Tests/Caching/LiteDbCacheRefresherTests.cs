using Microsoft.Extensions.Hosting;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Caching;

/// <summary>Refreshes into a LiteDB file.</summary>
public sealed class LiteDbCacheRefresherTests : CacheRefresherTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private protected override IHost BuildHost(SigmaSandbox sandbox) =>
        ToolServices.Build(sandbox, cachePath: _directory.File($"cache-{Guid.NewGuid():N}.db"));
}
