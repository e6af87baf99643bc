using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>Bad arguments and Sigma failures become tool errors that name the fix, and the server keeps serving.</summary>
public sealed partial class ToolBehaviourTests
{
    private const string UnknownWorkbookId = "00000000-0000-4000-8000-00000000dead";

    [Theory]
    [InlineData("search_documents", """{"query":""}""", "search_documents needs 'query' (it was empty)")]
    [InlineData("search_documents", """{"query":"   "}""", "search_documents needs 'query'")]
    [InlineData("search_documents", """{}""", "search_documents needs 'query': What to look for")]
    [InlineData("search_documents", """{"q":"revenue"}""", "search_documents has no argument 'q'. Its arguments are: query (required)")]
    [InlineData("search_documents", """{"query":"revenue","limit":"ten"}""", "'limit' must be a whole number, not the string \"ten\"")]
    [InlineData("search_documents", """{"query":"revenue","include_archived":"maybe"}""", "'include_archived' must be true or false")]
    [InlineData("heartbeat", """{"unexpected":1}""", "heartbeat has no argument 'unexpected'. It takes no arguments.")]
    [InlineData("search_documents", """{"query":"revenue","limit":0}""", "'limit' must be from 1 to 50; it was 0. Example: search_documents {\"query\":\"revenue by region\",\"limit\":10}")]
    [InlineData("search_documents", """{"query":"revenue","limit":51}""", "'limit' must be from 1 to 50")]
    [InlineData("search_documents", """{"query":"revenue","document_type":"chart"}""", "'document_type' must be one of all, workbook, data-model")]
    [InlineData("search_documents", """{"query":"revenue","updated_since":"last week"}""", "ISO 8601")]
    [InlineData("describe_workbook", """{"workbook":""}""", "describe_workbook needs 'workbook_id' (it was empty)")]
    [InlineData("describe_workbook", """{"workbook_id":"Revenue Dashboard"}""", "looks like a name. The best match is the workbook 'Revenue Dashboard' (workbook_id \"6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b\")")]
    [InlineData("describe_workbook", $$"""{"workbook_id":"{{SandboxWellKnown.SalesDataModelId}}"}""", "is a data model, not a workbook: call describe_data_model {\"data_model_id\":\"9c4a5f6e-7d8c-4b12-8e3d-4f5a6b7c8d9e\"}")]
    [InlineData("describe_data_model", $$"""{"data_model_id":"{{SandboxWellKnown.RevenueDashboardId}}"}""", "is a workbook, not a data model: call describe_workbook")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.SalesDataModelId}}","element_id":"x"}""", "Sigma exports data only from workbook elements")]
    [InlineData("describe_workbook", $$"""{"workbook_id":"{{UnknownWorkbookId}}"}""", "is not among the")]
    [InlineData("describe_workbook", """{"workbook":"noSuchUrlId42"}""", "No workbook 'noSuchUrlId42': it is not among the")]
    [InlineData("describe_data_model", """{"data_model":""}""", "describe_data_model needs 'data_model_id'")]
    [InlineData("describe_data_model", $$"""{"data_model_id":"{{UnknownWorkbookId}}"}""", "is not among the")]
    [InlineData("get_element_sql", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"noSuchEl01"}""", "lists its elements")]
    [InlineData("get_element_sql", $$"""{"workbook_id":"{{UnknownWorkbookId}}","element_id":"vzRvRg02Lm"}""", "is not among the")]
    [InlineData("get_lineage", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"noSuchEl01"}""", "noSuchEl01")]
    [InlineData("export_data", $$"""{"workbook_id":"{{UnknownWorkbookId}}","element_id":"tbOrdL03Np"}""", "is not among the")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"noSuchEl01"}""", "Element noSuchEl01 not found")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":""}""", "export_data needs 'element_id' (it was empty)")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"tbOrdL03Np","format":"xml"}""", "'format' must be csv or json, not 'xml'")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"tbOrdL03Np","row_limit":0}""", "'limit' must be from 1 to 10000")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"tbOrdL03Np","limit":10001}""", "'limit' must be from 1 to 10000")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"tbOrdL03Np","offset":-1}""", "'offset' must be 0 or more")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"tbOrdL03Np","parameters":{"p_region":["EMEA"]} }""", "'parameters' must be an object of names to text values")]
    [InlineData("export_data", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"txExSm01Kd"}""", "no data to export")]
    public async Task CallTool_BadArguments_IsErrorNamingTheFixAndServerKeepsServing(string tool, string arguments, string expected)
    {
        var result = await Client.CallAsync(tool, arguments);

        var text = result.Error();
        text.Should().Contain(expected).And.NotContain("An error occurred invoking").And.NotContain("..");
        if (!text.Contains("Sigma API", StringComparison.Ordinal))
        {
            text.Should().NotContain("regional host", "the cache is loaded, so a 404 means the id is wrong, not the host");
        }

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
