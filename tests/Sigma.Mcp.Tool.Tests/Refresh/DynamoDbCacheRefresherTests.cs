using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Caching.DynamoDb;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Refresh;

/// <summary>Refreshes into a DynamoDB table on dynalite (one per test; every cache of a test uses the same table).</summary>
public sealed class DynamoDbCacheRefresherTests(DynaliteFixture dynalite) : CacheRefresherTests, IClassFixture<DynaliteFixture>, IDisposable
{
    private readonly string _table = DynaliteFixture.NewTableName("refresh");
    private readonly List<IDisposable> _clients = [];

    public void Dispose() => _clients.ForEach(c => c.Dispose());

    private protected override ICache OpenCache(TimeProvider time)
    {
        var client = dynalite.CreateClient();
        _clients.Add(client);
        return new DynamoDbCache(client, _table, time, NullLogger<DynamoDbCache>.Instance);
    }
}
