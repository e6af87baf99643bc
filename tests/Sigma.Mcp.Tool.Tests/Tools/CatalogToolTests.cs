using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// The server calls each tool's method directly (<see cref="CatalogTool"/>) instead of through the SDK's AI function;
/// the behaviour tests cover what calls return, these what the catalog tools are made of.
/// </summary>
public sealed class CatalogToolTests
{
    [Fact]
    public async Task Catalog_EveryToolNamed_PreparesItsMethod_AndListsAsTheCatalogDoes()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        var catalog = new ToolCatalog(services);

        catalog.Tools.Select(t => t.Name).Should().Equal(ToolNames.All);
        catalog.PrepareAll();
        foreach (var tool in catalog.Tools)
        {
            ((IMcpServerPrimitive)tool).Id.Should().Be(tool.Name);
            tool.ProtocolTool.Name.Should().Be(tool.Name);
            tool.Metadata.OfType<McpServerToolAttribute>().Should().ContainSingle().Which.Name.Should().Be(tool.Name);
        }
    }

    [Fact]
    public async Task Call_OptionalArgumentsLeftOut_TakeTheMethodsDefaults_AndANullArgumentToo()
    {
        await using var server = await InProcessServer.StartAsync(fillCache: true, cancellationToken: TestTimeouts.Token());

        var bare = await server.Client.CallToolAsync("search_documents", new Dictionary<string, object?> { ["query"] = "revenue" }, cancellationToken: TestTimeouts.Token());
        var nulls = await server.Client.CallToolAsync("search_documents", new Dictionary<string, object?> { ["query"] = "revenue", ["owner"] = null, ["limit"] = null }, cancellationToken: TestTimeouts.Token());

        bare.IsError.Should().NotBe(true, InProcessServer.Text(bare));
        nulls.IsError.Should().NotBe(true, InProcessServer.Text(nulls));
        bare.StructuredContent!.Value.GetRawText().Should().Be(nulls.StructuredContent!.Value.GetRawText());
    }
}
