using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Caching.LiteDb;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Caching;

/// <summary>The cache contract on a real LiteDB file in a temp folder.</summary>
public sealed class LiteDbCacheTests : CacheContractTests, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<LiteDbCache> _opened = [];

    public void Dispose()
    {
        _opened.ForEach(c => c.Dispose());
        _directory.Dispose();
    }

    [Fact]
    public async Task TwoInstancesOnOneFile_WritesOfOneVisibleToTheOther()
    {
        var path = _directory.File("shared.db");
        using var writer = new LiteDbCache(path, TimeProvider.System);
        using var reader = new LiteDbCache(path, TimeProvider.System);
        var document = new CachedDocument { Id = "wb", Type = DocumentTypes.Workbook, Name = "Shared" };

        var lease = (await writer.TryAcquireLeaseAsync("org", "writer/1/m/w", TimeSpan.FromMinutes(1), TestTimeouts.Token())).Granted!;

        await writer.WriteDocumentsAsync(lease, 1, [document], TestTimeouts.Token());

        (await reader.GetDocumentAsync("org", 1, "wb", TestTimeouts.Token()))!.Name.Should().Be("Shared");
    }

    private protected override Task<ICache> CreateCacheAsync(TimeProvider time)
    {
        var cache = new LiteDbCache(_directory.File($"cache-{_opened.Count}.db"), time);
        _opened.Add(cache);
        return Task.FromResult<ICache>(cache);
    }
}
