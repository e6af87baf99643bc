using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// The C# client does not check structured content against the advertised output schema, but the TypeScript client
/// (Claude Desktop, VS Code) rejects a result that breaks it. This checks every tool's result against its schema here,
/// in-process, so that a mismatch is found without Node.js and says exactly which property is wrong.
/// </summary>
public sealed class ToolOutputSchemaTests(CachedServerFixture fixture) : IClassFixture<CachedServerFixture>
{
    private const int ProblemsShown = 12;

    [Theory]
    [InlineData("heartbeat", "{}")]
    [InlineData("search_documents", """{"query":"revenue by region"}""")]
    [InlineData("describe_workbook", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}"}""")]
    [InlineData("describe_data_model", $$"""{"data_model_id":"{{SandboxWellKnown.SalesDataModelId}}"}""")]
    [InlineData("get_element_sql", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"{{SandboxWellKnown.RevenueByRegionElementId}}"}""")]
    [InlineData("get_lineage", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"{{SandboxWellKnown.RevenueByRegionElementId}}"}""")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"{{SandboxWellKnown.OrderLinesElementId}}","format":"csv","limit":3}""")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"{{SandboxWellKnown.OrderLinesElementId}}","format":"json","limit":3}""")]
    [InlineData("refresh_cache", "{}")]
    public async Task CallTool_GoodArguments_StructuredContentMatchesOutputSchema(string tool, string arguments)
    {
        var tools = await fixture.Server.Client.ListToolsAsync(cancellationToken: TestTimeouts.Token());
        var schema = tools.Single(t => t.Name == tool).ProtocolTool.OutputSchema;
        schema.Should().NotBeNull($"{tool} advertises an output schema");

        var result = await fixture.Server.Client.CallAsync(tool, arguments);

        var content = result.Ok();
        var problems = JsonSchemaCheck.Problems(schema!.Value, content);
        if (problems.Count > 0)
        {
            Assert.Fail(
                $"The structured content of {tool} does not match its advertised outputSchema, so the TypeScript SDK client rejects the result " +
                $"(\"Structured content does not match the tool's output schema\"). {problems.Count} problem(s), the first ones:\n" +
                string.Join('\n', problems.Take(ProblemsShown)));
        }
    }
}
