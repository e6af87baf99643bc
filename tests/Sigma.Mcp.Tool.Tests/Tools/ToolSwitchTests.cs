using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Http;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// <c>--read-only</c>, <c>SIGMA_MCP_TOOLS</c>/<c>--tools</c> and <c>SIGMA_MCP_DISABLED_TOOLS</c>/<c>--disabled-tools</c>,
/// through the real <c>serve</c> process over stdio and over HTTP: a tool turned off is missing from <c>tools/list</c>
/// and a call to it is a tool error that says why, while the other tools keep working.
/// </summary>
public sealed class ToolSwitchTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] s_all =
        ["heartbeat", "search_documents", "describe_workbook", "describe_data_model", "get_element_sql", "get_lineage", "export_data", "refresh_cache"];

    private readonly SandboxFixture _fixture = new();

    public static TheoryData<string[], string, string, string[]> StdioSwitches => new()
    {
        // serve arguments, environment variable, its value, tools offered
        { ["--read-only"], "", "", [.. s_all.Where(t => t != "refresh_cache")] },
        { [], "SIGMA_MCP_READ_ONLY", "true", [.. s_all.Where(t => t != "refresh_cache")] },
        { ["--tools", "heartbeat,search_documents"], "", "", ["heartbeat", "search_documents"] },
        { [], "SIGMA_MCP_TOOLS", "heartbeat, search_documents", ["heartbeat", "search_documents"] },
        { ["--disabled-tools", "export_data,get_lineage"], "", "", [.. s_all.Where(t => t is not ("export_data" or "get_lineage"))] },
        { [], "SIGMA_MCP_DISABLED_TOOLS", "export_data", [.. s_all.Where(t => t != "export_data")] },
        { [], "", "", s_all },
    };

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [MemberData(nameof(StdioSwitches))]
    public async Task ServeStdio_ToolSwitch_ListsOnlyOfferedToolsAndRefusesTheOthers(string[] arguments, string variable, string value, string[] offered)
    {
        var (command, commandArguments) = ToolProcess.Command(["serve", .. arguments]);
        var environment = _fixture.Settings();
        if (variable.Length > 0)
        {
            environment[variable] = value;
        }

        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sigma-mcp",
            Command = command,
            Arguments = commandArguments,
            WorkingDirectory = _fixture.Directory.Path,
            EnvironmentVariables = environment,
        }), cancellationToken: TestTimeouts.Token());

        await ExpectOnlyAsync(client, offered);
    }

    [Fact]
    public async Task ServeHttp_Default_IsReadOnly()
    {
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, _fixture.Settings(), "--allow-unauthenticated");
        await using var client = await server.ConnectAsync(null);

        await ExpectOnlyAsync(client, [.. s_all.Where(t => t != "refresh_cache")]);
    }

    [Theory]
    [InlineData("--read-only", "false")]
    [InlineData("--tools", "refresh_cache,heartbeat")]
    public async Task ServeHttp_RefreshEnabledExplicitly_OffersRefreshCache(string option, string value)
    {
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, _fixture.Settings(), "--allow-unauthenticated", option, value);
        await using var client = await server.ConnectAsync(null);

        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.Token());
        tools.Select(t => t.Name).Should().Contain("refresh_cache");
        (await client.CallAsync("refresh_cache")).Ok().GetProperty("failed").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task ServeHttp_DisabledTools_ListsAndRefusesAsStdioDoes()
    {
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, _fixture.Settings(), "--allow-unauthenticated", "--disabled-tools", "export_data");
        await using var client = await server.ConnectAsync(null);

        await ExpectOnlyAsync(client, [.. s_all.Where(t => t is not ("refresh_cache" or "export_data"))]);
    }

    [Fact]
    public async Task Serve_UnknownToolName_FailsAtStartNamingTheTools()
    {
        var run = await ToolProcess.RunAsync(_fixture.Directory.Path, _fixture.Settings(), "serve", "--tools", "heartbeat,export");

        run.ExitCode.Should().NotBe(0);
        run.Stderr.Should().Contain("'export'").And.Contain("export_data");
    }

    /// <summary>tools/list names exactly <paramref name="offered"/>; every other tool is refused with the reason; heartbeat (when offered) works.</summary>
    private static async Task ExpectOnlyAsync(McpClient client, string[] offered)
    {
        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.Token());
        tools.Select(t => t.Name).ShouldBeExactly(offered, "tools/list leaves out the tools turned off");

        foreach (var tool in s_all.Except(offered))
        {
            var refused = await client.CallAsync(tool, tool == "search_documents" ? """{"query":"revenue"}""" : "{}");
            refused.Error().Should().Contain($"'{tool}' is turned off", "a call to a tool turned off is refused, and says why");
        }

        if (offered.Contains("heartbeat"))
        {
            (await client.CallAsync("heartbeat")).Ok().Str("status").Should().Be("healthy");
        }
    }
}
