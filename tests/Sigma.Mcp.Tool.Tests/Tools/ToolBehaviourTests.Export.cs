using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Tools;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary><c>export_data</c> on the 50,000-row "Order Lines" table: pages, the response budget, date filters.</summary>
public sealed partial class ToolBehaviourTests
{
    private const string OrderLines = SandboxWellKnown.OrderLinesElementId;

    private static readonly string[] s_orderLineColumns =
        ["Order Id", "Order Date", "Customer Id", "Customer Name", "Region", "Segment", "Product Category", "Quantity", "Unit Price", "Discount", "Net Revenue"];

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task ExportData_OffsetFromNextOffset_ConsecutivePages(string format)
    {
        var first = (await ExportAsync(format, rowLimit: 25, offset: 0)).Ok();
        var second = (await ExportAsync(format, rowLimit: 25, offset: first.GetProperty("next_offset").GetInt32())).Ok();

        foreach (var (page, offset) in new[] { (first, 0), (second, 25) })
        {
            page.Str("format").Should().Be(format);
            page.Str("workbook_id").Should().Be(RevenueDashboard);
            page.Str("element_id").Should().Be(OrderLines);
            page.Items("columns").Select(c => c.GetString()).Should().Equal(s_orderLineColumns);
            page.GetProperty("offset").GetInt32().Should().Be(offset);
            page.GetProperty("row_count").GetInt32().Should().Be(25);
            page.GetProperty("truncated").GetBoolean().Should().BeFalse();
            page.GetProperty("next_offset").GetInt32().Should().Be(offset + 25);
            page.Items("rows").Should().OnlyContain(r => r.GetArrayLength() == s_orderLineColumns.Length);
            OrderIds(page).Should().Equal(ExpectedOrderIds(offset, 25), "page {0} holds the rows from its offset on, in order", offset);
        }
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task ExportData_RowLimit10000_CutToTheBudgetWithNextOffsetToReadOn(string format)
    {
        var result = await ExportAsync(format, rowLimit: ExportDataTool.MaxRowLimit, offset: 0);

        var page = result.Ok();
        var count = page.GetProperty("row_count").GetInt32();
        count.Should().BeInRange(1, ExportDataTool.MaxRowLimit - 1, "10,000 rows of 11 columns do not fit one response");
        page.GetProperty("truncated").GetBoolean().Should().BeTrue();
        page.GetProperty("next_offset").GetInt32().Should().Be(count);
        page.Str("note").Should().Contain($"offset={count}", "the note tells the model how to read on");
        OrderIds(page).Should().Equal(ExpectedOrderIds(0, count));
        result.Size().Should().BeLessThan(ToolResult.BudgetChars, "a result never costs the model more than the budget");

        var next = (await ExportAsync(format, rowLimit: ExportDataTool.MaxRowLimit, offset: count)).Ok();
        OrderIds(next).First().Should().Be(ExpectedOrderIds(count, 1)[0], "the next page starts where the cut one ended");
    }

    [Fact]
    public async Task ExportData_JsonFormat_TextShowsTheRows()
    {
        var result = await ExportAsync("json", rowLimit: 3, offset: 0);

        result.Ok();
        InProcessServer.Text(result).Should().Contain("ORD-0100000").And.Contain("ORD-0100002",
            "'format' is documented as 'csv or json: how the rows are shown as text', so a client that reads only the text still gets the rows");
    }

    [Theory]
    [InlineData("last-30-days")]
    [InlineData("min:2025-01-01,max:2025-01-31")]
    public async Task ExportData_DateFilter_SetsTheDateControlAndReturnsRows(string dateFilter)
    {
        var result = await Client.CallAsync("export_data",
            $$"""{"workbook_id":"{{RevenueDashboard}}","element_id":"{{OrderLines}}","limit":5,"date_filter":"{{dateFilter}}"}""");

        var page = result.Ok();
        page.GetProperty("row_count").GetInt32().Should().Be(5);
        page.Items("rows").Should().HaveCount(5);
    }

    [Fact]
    public async Task ExportData_UnknownDateFilter_IsErrorNamingTheAcceptedForms()
    {
        var result = await Client.CallAsync("export_data",
            $$"""{"workbook_id":"{{RevenueDashboard}}","element_id":"{{OrderLines}}","limit":5,"date_filter":"since last spring"}""");

        result.Error().Should().Contain("since last spring").And.Contain("last-30-days").And.Contain("min:");
        await ServerStillAnswersAsync();
    }

    private Task<CallToolResult> ExportAsync(string format, int rowLimit, int offset) =>
        Client.CallAsync("export_data",
            $$"""{"workbook_id":"{{RevenueDashboard}}","element_id":"{{OrderLines}}","format":"{{format}}","limit":{{rowLimit}},"offset":{{offset}}}""");

    private static List<string?> OrderIds(JsonElement page)
    {
        var column = page.Items("columns").FindIndex(c => c.GetString() == "Order Id");
        column.Should().BeGreaterThanOrEqualTo(0, "Order Lines has an Order Id column");
        return [.. page.Items("rows").Select(r => r[column].GetString())];
    }

    /// <summary>The sandbox numbers Order Lines rows ORD-0100000, ORD-0100001, … from row 0.</summary>
    private static List<string?> ExpectedOrderIds(int offset, int count) =>
        [.. Enumerable.Range(offset, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"ORD-{i + 100_000:D7}"))];
}
