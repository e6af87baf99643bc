using System.Text.RegularExpressions;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// The meta-test of the tool list: every tool says what it is and whether it changes anything, on every protocol
/// path a client may take (the SDK's newest handshake and the <c>initialize</c> one that shipping hosts use).
/// </summary>
public sealed partial class ToolAnnotationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    private static readonly string[] s_toolNames =
    [
        "heartbeat", "search_documents", "describe_workbook", "describe_data_model", "get_element_sql", "get_lineage", "export_data", "refresh_cache",
    ];

    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    [InlineData("2025-06-18")]
    public async Task ListTools_AnyProtocolVersion_ExactlyTheEightToolsWithOriginalNames(string? protocolVersion)
    {
        await using var server = await StartAsync(protocolVersion);

        var tools = await server.Client.ListToolsAsync(cancellationToken: TestTimeouts.Token());

        server.Client.NegotiatedProtocolVersion.Should().Be(protocolVersion ?? "2026-07-28");
        tools.Select(t => t.Name).ShouldBeExactly(s_toolNames, "the tool set is the public contract; heartbeat, search_documents and export_data keep the original server's names");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    [InlineData("2025-06-18")]
    public async Task ListTools_AnyProtocolVersion_EveryToolHasSnakeCaseNameTitleAllHintsAndOutputSchema(string? protocolVersion)
    {
        await using var server = await StartAsync(protocolVersion);

        var tools = await server.Client.ListToolsAsync(cancellationToken: TestTimeouts.Token());

        tools.Should().NotBeEmpty();
        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            SnakeCase().IsMatch(tool.Name).Should().BeTrue($"'{tool.Name}' is snake_case");
            tool.Title.Should().NotBeNullOrWhiteSpace($"{tool.Name} has a title for clients to show");
            tool.Description.Should().NotBeNullOrWhiteSpace($"{tool.Name} tells a model when to use it");
            var annotations = tool.Annotations;
            annotations.Should().NotBeNull($"{tool.Name} has annotations");
            annotations!.Title.Should().NotBeNullOrWhiteSpace($"{tool.Name} has an annotation title");
            annotations.ReadOnlyHint.Should().NotBeNull($"{tool.Name} sets readOnlyHint");
            annotations.DestructiveHint.Should().NotBeNull($"{tool.Name} sets destructiveHint");
            annotations.IdempotentHint.Should().NotBeNull($"{tool.Name} sets idempotentHint");
            annotations.OpenWorldHint.Should().NotBeNull($"{tool.Name} sets openWorldHint");
            tool.OutputSchema.Should().NotBeNull($"{tool.Name} advertises the shape of its structured content");
            tool.OutputSchema!.Value.GetProperty("type").GetString().Should().Be("object", $"{tool.Name}'s structured content is an object");
            tool.InputSchema.GetProperty("type").GetString().Should().Be("object", $"{tool.Name}'s arguments are an object");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-11-25")]
    [InlineData("2025-06-18")]
    public async Task ListTools_AnyProtocolVersion_ReadToolsAreReadOnlyAndRefreshIsIdempotentNotDestructive(string? protocolVersion)
    {
        await using var server = await StartAsync(protocolVersion);

        var tools = await server.Client.ListToolsAsync(cancellationToken: TestTimeouts.Token());

        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            var annotations = tool.Annotations!;
            if (tool.Name == "refresh_cache")
            {
                annotations.ReadOnlyHint.Should().BeFalse("refresh_cache writes the local cache");
                annotations.DestructiveHint.Should().BeFalse("refresh_cache never changes Sigma data and only adds to the cache what Sigma has");
                annotations.IdempotentHint.Should().BeTrue("a second refresh right after the first changes nothing");
            }
            else
            {
                annotations.ReadOnlyHint.Should().BeTrue($"{tool.Name} only reads");
                annotations.DestructiveHint.Should().BeFalse($"{tool.Name} only reads");
            }
        }
    }

    private Task<InProcessServer> StartAsync(string? protocolVersion) =>
        InProcessServer.StartAsync(sandbox.Sandbox, clientOptions: new McpClientOptions { ProtocolVersion = protocolVersion }, cancellationToken: TestTimeouts.Token());

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
