using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>The largest results stay within the response budget (text plus structured content).</summary>
public sealed partial class ToolBehaviourTests
{
    [Fact]
    public async Task SearchDocuments_Limit50_WithinBudget()
    {
        var result = await Client.CallAsync("search_documents", """{"query":"revenue sales dashboard report model","limit":50}""");

        var hits = result.Ok().Items("results");
        hits.Count.Should().BeInRange(11, 50, "a broad query fills far more than the default 10");
        result.Size().Should().BeLessThan(ToolResult.BudgetChars);
    }

    [Fact]
    public async Task DescribeWorkbook_BiggestWorkbook_EveryPageAndWithinBudget()
    {
        var biggest = Sandbox.Data.Workbooks
            .Select(w => (Workbook: w, Pages: Sandbox.Data.GetPages(w.Id)))
            .MaxBy(w => w.Pages.Sum(p => p.Elements.Sum(e => e.Columns.Count + 1)));

        var result = await Client.CallAsync("describe_workbook", $$"""{"workbook_id":"{{biggest.Workbook.Id}}"}""");

        var workbook = result.Ok();
        workbook.Items("pages").Should().HaveCount(biggest.Pages.Count);
        workbook.Items("pages").Sum(p => p.GetProperty("elements").GetArrayLength()).Should().Be(biggest.Pages.Sum(p => p.Elements.Count));
        result.Size().Should().BeLessThan(ToolResult.BudgetChars);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task ExportData_WidestElementsRowLimit10000_WithinBudget(string format)
    {
        var widest = Sandbox.Data.Workbooks
            .SelectMany(w => Sandbox.Data.GetPages(w.Id).SelectMany(p => p.Elements).Where(e => e.HasData).Select(e => (WorkbookId: w.Id, Element: e)))
            .OrderByDescending(x => x.Element.Columns.Count)
            .Take(2);

        foreach (var (workbookId, element) in widest)
        {
            var result = await Client.CallAsync("export_data",
                $$"""{"workbook_id":"{{workbookId}}","element_id":"{{element.ElementId}}","format":"{{format}}","limit":10000}""");

            result.Ok().GetProperty("row_count").GetInt32().Should().BeGreaterThan(0);
            result.Size().Should().BeLessThan(ToolResult.BudgetChars, "element {0} ({1} columns) as {2}", element.ElementId, element.Columns.Count, format);
        }
    }
}
