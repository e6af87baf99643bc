using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Caching.DynamoDb;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>Refresh processes sharing one DynamoDB table (dynalite), configured as users do: through AWS's own variables.</summary>
public sealed class DynamoDbCacheRefreshProcessTests(DynaliteFixture dynalite) : CacheRefreshProcessTests, IClassFixture<DynaliteFixture>
{
    private readonly string _table = DynaliteFixture.NewTableName("process");
    private Amazon.DynamoDBv2.AmazonDynamoDBClient? _client;

    private protected override IReadOnlyDictionary<string, string?> BackendSettings => new Dictionary<string, string?>
    {
        ["SIGMA_MCP_CACHE"] = "dynamodb",
        ["CACHE_TABLE_NAME"] = _table,
        ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Endpoint.ToString(),
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "dynalite",
        ["AWS_SECRET_ACCESS_KEY"] = "dynalite",
    };

    private protected override ICache OpenCache()
    {
        _client ??= dynalite.CreateClient();
        return new DynamoDbCache(_client, _table, TimeProvider.System, NullLogger<DynamoDbCache>.Instance);
    }

    private protected override void DisposeBackend() => _client?.Dispose();
}
