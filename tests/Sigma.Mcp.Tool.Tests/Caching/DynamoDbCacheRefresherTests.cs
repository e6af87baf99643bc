using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Caching.DynamoDb;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Caching;

/// <summary>Refreshes into a DynamoDB table on dynalite.</summary>
public sealed class DynamoDbCacheRefresherTests(DynaliteFixture dynalite) : CacheRefresherTests, IClassFixture<DynaliteFixture>
{
    private protected override IHost BuildHost(SigmaSandbox sandbox)
    {
        var client = dynalite.CreateClient();
        var cache = new DynamoDbCache(client, DynaliteFixture.NewTableName("refresh"), TimeProvider.System, NullLogger<DynamoDbCache>.Instance);
        return ToolServices.Build(sandbox, configure: services =>
        {
            services.AddSingleton(client);
            services.AddSingleton<ICache>(cache);
        });
    }
}
