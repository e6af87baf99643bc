using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// Two <c>serve --http</c> instances behind one load balancer share one DynamoDB table (dynalite here); a refresh
/// made elsewhere (<c>sigma-mcp cache refresh</c>, a third process) reaches both through their index poll.
/// </summary>
public sealed class SharedDynamoDbTableTests(DynaliteFixture dynalite) : IClassFixture<DynaliteFixture>, IAsyncLifetime, IDisposable
{
    private const string Token = "shared-table-token-0123456789";
    private readonly SandboxFixture _fixture = new();
    private readonly string _table = DynaliteFixture.NewTableName("http");

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task TwoServers_CacheRefreshedByAThirdProcess_BothFindTheDocuments()
    {
        var settings = new Dictionary<string, string?>(SandboxSettings.For(_fixture.Sandbox))
        {
            ["SIGMA_MCP_CACHE"] = "dynamodb",
            ["CACHE_TABLE_NAME"] = _table,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynalite.Endpoint.ToString(),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "dynalite",
            ["AWS_SECRET_ACCESS_KEY"] = "dynalite",
            ["SIGMA_MCP_HTTP_TOKENS"] = Token,
            ["SIGMA_MCP_CACHE_POLL_INTERVAL"] = "1s",
        };
        await using var first = await HttpToolServer.StartAsync(_fixture.Directory.Path, settings);
        await using var second = await HttpToolServer.StartAsync(_fixture.Directory.Path, settings);
        await using var firstClient = await first.ConnectAsync(Token);
        await using var secondClient = await second.ConnectAsync(Token);
        (await SearchAsync(firstClient)).Should().BeEmpty("nothing was refreshed yet");

        var refresh = await ToolProcess.RunAsync(_fixture.Directory.Path, settings, "cache", "refresh");
        refresh.ExitCode.Should().Be(0, refresh.ToString());

        (await WaitForHitAsync(firstClient)).Should().Contain(SandboxWellKnown.RevenueDashboardId, first.Stderr);
        (await WaitForHitAsync(secondClient)).Should().Contain(SandboxWellKnown.RevenueDashboardId, second.Stderr);
    }

    /// <summary>Searches until the index has picked the refresh up (it polls the table every second here).</summary>
    private static async Task<List<string?>> WaitForHitAsync(McpClient client)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        List<string?> ids;
        while ((ids = await SearchAsync(client)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        return ids;
    }

    private static async Task<List<string?>> SearchAsync(McpClient client)
    {
        var result = await client.CallToolAsync("search_documents",
            new Dictionary<string, object?> { ["query"] = SandboxWellKnown.RevenueDashboardName }, cancellationToken: TestTimeouts.Token());
        result.IsError.Should().NotBe(true);
        return [.. result.StructuredContent!.Value.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString())];
    }
}
