using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// <c>tools/call</c> and <c>tools/list</c> results go out written once (see <c>DirectResults</c>): the client gets the
/// whole result, never the stand-in the SDK was handed, and on the 2026-07-28 protocol also the identity the SDK adds
/// to every result's <c>_meta</c>.
/// </summary>
public sealed class DirectResultsTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private const string ServerInfoKey = "io.modelcontextprotocol/serverInfo";

    [Theory]
    [InlineData(null)]
    [InlineData("2025-06-18")]
    public async Task CallTool_AnyProtocolVersion_ClientGetsTheWholeResultWithTheSdksMeta(string? protocolVersion)
    {
        await using var server = await StartAsync(protocolVersion);

        var result = await server.Client.CallToolAsync("search_documents", new Dictionary<string, object?> { ["query"] = "revenue" }, cancellationToken: TestTimeouts.Token());

        result.IsError.Should().NotBe(true);
        result.Content.OfType<TextContentBlock>().Single().Text.Should().Contain("result(s) for 'revenue'");
        result.Content.OfType<ResourceLinkBlock>().Should().NotBeEmpty();
        result.StructuredContent!.Value.GetProperty("results").GetArrayLength().Should().BeGreaterThan(0);
        AssertServerInfo(result.Meta, protocolVersion);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-06-18")]
    public async Task CallTool_ToolError_ClientGetsTheErrorResult(string? protocolVersion)
    {
        await using var server = await StartAsync(protocolVersion);

        var result = await server.Client.CallToolAsync("describe_workbook", new Dictionary<string, object?> { ["workbook_id"] = "no-such-workbook" }, cancellationToken: TestTimeouts.Token());

        result.IsError.Should().BeTrue();
        result.Content.OfType<TextContentBlock>().Single().Text.Should().NotBeNullOrWhiteSpace();
        AssertServerInfo(result.Meta, protocolVersion);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-06-18")]
    public async Task ListTools_CalledTwice_BothAnswersAreTheWholeListWithTheSdksMeta(string? protocolVersion)
    {
        await using var server = await StartAsync(protocolVersion);

        var first = await server.Client.ListToolsAsync(new ListToolsRequestParams(), TestTimeouts.Token());
        var second = await server.Client.ListToolsAsync(new ListToolsRequestParams(), TestTimeouts.Token());

        first.Tools.Should().HaveCount(8);
        JsonSerializer.Serialize(second.Tools).Should().Be(JsonSerializer.Serialize(first.Tools));
        AssertServerInfo(first.Meta, protocolVersion);
        AssertServerInfo(second.Meta, protocolVersion);
    }

    private static void AssertServerInfo(System.Text.Json.Nodes.JsonObject? meta, string? protocolVersion)
    {
        if (protocolVersion is null)
        {
            meta.Should().NotBeNull("the 2026-07-28 protocol carries the server's identity on every result");
            meta![ServerInfoKey]!["name"]!.GetValue<string>().Should().Be("sigma-mcp");
        }
        else
        {
            (meta?.ContainsKey(ServerInfoKey) ?? false).Should().BeFalse("older protocols have it in initialize only");
        }
    }

    private Task<InProcessServer> StartAsync(string? protocolVersion) =>
        InProcessServer.StartAsync(sandbox.Sandbox, fillCache: true, clientOptions: new McpClientOptions { ProtocolVersion = protocolVersion }, cancellationToken: TestTimeouts.Token());
}
