using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;
using Sigma.Mcp.Tool.Tools;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>
/// Every tool, called with good and with bad arguments through the real <c>sigma-mcp serve</c> process over stdio:
/// good calls succeed within the response budget, bad calls are tool errors that say what to fix, and the server keeps
/// answering after each of them.
/// </summary>
public sealed class StdioToolCallTests : IAsyncLifetime, IDisposable
{
    private const string Workbook = SandboxWellKnown.RevenueDashboardId;
    private const string Chart = SandboxWellKnown.RevenueByRegionElementId;
    private readonly SandboxFixture _fixture = new();

    public static TheoryData<string, string, string> Calls => new()
    {
        // tool, good arguments, bad arguments
        { "heartbeat", "{}", """{"unexpected": 1}""" },
        { "refresh_cache", "{}", """{"unexpected": 1}""" },
        { "search_documents", """{"query":"revenue by region","limit":5}""", """{"query":"","limit":0}""" },
        { "describe_workbook", $$"""{"workbook_id":"{{Workbook}}"}""", """{"workbook_id":"00000000-0000-4000-8000-000000000000"}""" },
        { "describe_data_model", $$"""{"data_model_id":"{{SandboxWellKnown.SalesDataModelId}}"}""", """{"data_model_id":""}""" },
        { "get_element_sql", $$"""{"workbook_id":"{{Workbook}}","element_id":"{{Chart}}"}""", $$"""{"workbook_id":"{{Workbook}}","element_id":"{{SandboxWellKnown.ExecutiveSummaryElementId}}"}""" },
        { "get_lineage", $$"""{"workbook_id":"{{Workbook}}","element_id":"{{Chart}}"}""", $$"""{"workbook_id":"{{Workbook}}","element_id":"nope"}""" },
        { "export_data", $$"""{"workbook_id":"{{Workbook}}","element_id":"{{SandboxWellKnown.OrderLinesElementId}}","limit":10000}""", $$"""{"workbook_id":"{{Workbook}}","element_id":"{{Chart}}","format":"xml"}""" },
    };

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Serve_ToolCalledWithGoodThenBadArguments_SucceedsThenExplainsAndStaysUp(string tool, string good, string bad)
    {
        var (command, arguments) = ToolProcess.Command("serve");
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sigma-mcp",
            Command = command,
            Arguments = arguments,
            WorkingDirectory = _fixture.Directory.Path,
            EnvironmentVariables = _fixture.Settings(),
        }), cancellationToken: TestTimeouts.Token());
        (await client.CallAsync("refresh_cache")).Ok();

        var success = await client.CallAsync(tool, good);
        success.Ok();
        success.Size().Should().BeLessThan(ToolResult.BudgetChars, "every result fits the response budget");

        // Arguments not in the schema are reported, as the original server's additionalProperties: false did; never the SDK's generic text.
        var failure = await client.CallAsync(tool, bad);
        failure.Error().Should().NotContain("An error occurred invoking").And.MatchRegex(@"\w+.*\w+.*\w+", "the message says what to fix");

        (await client.ListToolsAsync(cancellationToken: TestTimeouts.Token())).Should().HaveCount(8, "the server is still up");
        (await client.CallAsync("heartbeat")).Ok().Str("status").Should().Be("healthy");
    }
}
