using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>Bad arguments and Sigma failures become tool errors that name the fix, and the server keeps serving.</summary>
public sealed partial class ToolBehaviourTests
{
    private const string UnknownWorkbookId = "00000000-0000-4000-8000-00000000dead";

    [Theory]
    [InlineData("search_documents", """{"query":""}""", "query is empty")]
    [InlineData("search_documents", """{"query":"   "}""", "query is empty")]
    [InlineData("search_documents", """{"query":"revenue","limit":0}""", "limit must be from 1 to 50")]
    [InlineData("search_documents", """{"query":"revenue","limit":51}""", "limit must be from 1 to 50")]
    [InlineData("search_documents", """{"query":"revenue","document_type":"chart"}""", "document_type 'chart' is not one of: all, workbook, data-model")]
    [InlineData("search_documents", """{"query":"revenue","updated_since":"last week"}""", "use ISO 8601")]
    [InlineData("describe_workbook", """{"workbook":""}""", "search_documents finds them")]
    [InlineData("describe_workbook", $$"""{"workbook":"{{UnknownWorkbookId}}"}""", "The id may be wrong")]
    [InlineData("describe_workbook", """{"workbook":"noSuchUrlId42"}""", "No workbook with urlId 'noSuchUrlId42'")]
    [InlineData("describe_data_model", """{"data_model":""}""", "data_model is empty")]
    [InlineData("describe_data_model", $$"""{"data_model":"{{UnknownWorkbookId}}"}""", "The id may be wrong")]
    [InlineData("get_element_sql", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"noSuchEl01"}""", "describe_workbook lists its elements")]
    [InlineData("get_element_sql", $$"""{"workbook_id":"{{UnknownWorkbookId}}","element_id":"vzRvRg02Lm"}""", "The id may be wrong")]
    [InlineData("get_lineage", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"noSuchEl01"}""", "noSuchEl01")]
    [InlineData("export_data", $$"""{"workbook_id":"{{UnknownWorkbookId}}","element_id":"tbOrdL03Np"}""", "The id may be wrong")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"noSuchEl01"}""", "Element noSuchEl01 not found")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":""}""", "element_id is empty")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"tbOrdL03Np","format":"xml"}""", "format 'xml' is not csv or json")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"tbOrdL03Np","row_limit":0}""", "row_limit must be from 1 to 10000")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"tbOrdL03Np","row_limit":10001}""", "row_limit must be from 1 to 10000")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"tbOrdL03Np","offset":-1}""", "offset must be 0 or more")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"txExSm01Kd"}""", "no data to export")]
    public async Task CallTool_BadArguments_IsErrorNamingTheFixAndServerKeepsServing(string tool, string arguments, string expected)
    {
        var result = await Client.CallAsync(tool, arguments);

        result.Error().Should().Contain(expected);
        await ServerStillAnswersAsync();
    }

    [Theory]
    [InlineData("get_element_sql", "/elements/vzRvRg02Lm/query")]
    [InlineData("get_lineage", "/lineage/elements/vzRvRg02Lm")]
    [InlineData("export_data", "/export")]
    public async Task CallTool_SigmaAnswers403_IsErrorResultWithSigmaMessageAndHint(string tool, string failingPath)
    {
        Sandbox.Faults.FailNext(1, SandboxFault.Status(403, "forbidden", "No access to this workbook"), failingPath);

        var result = await Client.CallAsync(tool, $$"""{"workbook_id":"{{RevenueDashboard}}","element_id":"{{SandboxWellKnown.RevenueByRegionElementId}}"}""");

        var text = result.Error();
        text.Should().Contain("403").And.Contain("No access to this workbook", "Sigma's own message is passed on");
        text.Should().Contain("ask a Sigma admin", "the hint names the fix");
        await ServerStillAnswersAsync();
    }

    [Fact]
    public async Task SearchDocuments_EmptyCache_SaysToCallRefreshCache()
    {
        await using var server = await InProcessServer.StartAsync(Sandbox, cancellationToken: TestTimeouts.Token());

        var result = await server.Client.CallAsync("search_documents", """{"query":"revenue"}""");

        var content = result.Ok();
        content.GetProperty("count").GetInt32().Should().Be(0);
        content.GetProperty("cache").Str("state").Should().Be("empty");
        content.Str("message").Should().Contain("refresh_cache");
        InProcessServer.Text(result).Should().Contain("refresh_cache", "a client that reads only text learns how to fill the cache");
    }
}
