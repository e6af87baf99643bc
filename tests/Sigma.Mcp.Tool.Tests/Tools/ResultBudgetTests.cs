using System.Text.Json;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tools;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// The result budget on a server configured with the smallest one (1,000 tokens): the largest result of each tool
/// stays within it, every cut is flagged with next_offset and a note that says how to go on, and following next_offset
/// brings every item exactly once.
/// </summary>
public sealed class ResultBudgetTests : IAsyncLifetime
{
    private const int Tokens = ToolSwitches.MinResultTokens;
    private const int BudgetChars = Tokens * ResultBudget.CharsPerToken;
    private InProcessServer _server = null!;

    private SigmaSandbox Sandbox => _server.Sandbox;

    public async Task InitializeAsync() =>
        _server = await InProcessServer.StartAsync(fillCache: true, tools: new ToolSwitches { ResultTokens = Tokens }, cancellationToken: TestTimeouts.Token());

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SearchDocuments_Limit50_CutToBudgetAndPagesOnWithNextOffset()
    {
        var seen = new List<string>();
        var offset = 0;
        for (var page = 0; page < 50 && seen.Count < 50; page++)
        {
            var result = await _server.Client.CallAsync("search_documents", $$"""{"query":"revenue sales dashboard report model","limit":50,"offset":{{offset}}}""");
            var content = Within(result);
            var hits = content.Items("results");
            hits.Should().NotBeEmpty();
            seen.AddRange(hits.Select(h => $"{h.Str("id")}/{h.Str("element_id")}"));
            if (!content.TryGetProperty("next_offset", out var next))
            {
                break;
            }

            content.Str("message").Should().Contain($"offset={next.GetInt32()}", "a cut says how to get the rest");
            offset = next.GetInt32();
        }

        seen.Should().HaveCountGreaterThan(10).And.OnlyHaveUniqueItems("each page starts where the last one ended");
    }

    [Fact]
    public async Task DescribeWorkbook_BiggestWorkbook_ElementsInPartsThatAddUpToAll()
    {
        var biggest = Sandbox.Data.Workbooks
            .Select(w => (Workbook: w, Pages: Sandbox.Data.GetPages(w.Id)))
            .MaxBy(w => w.Pages.Sum(p => p.Elements.Sum(e => e.Columns.Count + 1)));
        var all = biggest.Pages.SelectMany(p => p.Elements).Select(e => e.ElementId).ToList();

        var seen = new List<string?>();
        int? offset = 0;
        var parts = 0;
        while (offset is { } at && parts++ < all.Count + 1)
        {
            var content = Within(await _server.Client.CallAsync("describe_workbook", $$"""{"workbook_id":"{{biggest.Workbook.Id}}","offset":{{at}}}"""));
            seen.AddRange(content.Items("pages").SelectMany(p => p.Items("elements")).Select(e => e.Str("element_id")));
            offset = content.TryGetProperty("next_offset", out var next) ? next.GetInt32() : null;
            if (offset is not null)
            {
                content.Str("note").Should().Contain($"offset={offset}");
            }
        }

        parts.Should().BeGreaterThan(1, "the biggest workbook does not fit 1,000 tokens");
        seen.Should().Equal(all, "the parts hold every element once, in order");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task ExportData_Limit10000_WithinBudgetWithNextOffset(string format)
    {
        var result = await _server.Client.CallAsync("export_data",
            $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"{{SandboxWellKnown.OrderLinesElementId}}","format":"{{format}}","limit":10000}""");

        var page = Within(result);
        var count = page.GetProperty("row_count").GetInt32();
        count.Should().BePositive();
        page.GetProperty("truncated").GetBoolean().Should().BeTrue();
        page.GetProperty("next_offset").GetInt32().Should().Be(count);
        page.Str("note").Should().Contain($"offset={count}");
        InProcessServer.Text(result).Split('\n').Should().HaveCount(count + 2, "the text is a summary line, a CSV header and one CSV line per row");
    }

    [Fact]
    public async Task EveryOtherTool_LargestResult_WithinBudget()
    {
        var elements = Sandbox.Data.GetPages(SandboxWellKnown.RevenueDashboardId).SelectMany(p => p.Elements).Where(e => e.HasData).Select(e => e.ElementId);
        var calls = new List<(string Tool, string Arguments)> { ("heartbeat", "{}"), ("describe_data_model", $$"""{"data_model_id":"{{SandboxWellKnown.SalesDataModelId}}"}""") };
        foreach (var element in elements)
        {
            calls.Add(("get_element_sql", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"{{element}}"}"""));
            calls.Add(("get_lineage", $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"{{element}}"}"""));
        }

        foreach (var (tool, arguments) in calls)
        {
            Within(await _server.Client.CallAsync(tool, arguments), tool);
        }
    }

    private static JsonElement Within(CallToolResult result, string what = "the result")
    {
        var content = result.Ok();
        ResultBudget.Cost(result).Should().BeLessThanOrEqualTo(BudgetChars, "{0} fits the configured budget of {1} tokens", what, Tokens);
        return content;
    }
}
