using System.Globalization;
using System.Text.Json;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// Control values reach the rows, end to end through <c>export_data</c> and the sandbox: list controls and date ranges
/// filter, a chart returns one grouped row per key, and a parameter that is not a control of the workbook is a tool
/// error naming the valid control ids.
/// </summary>
public sealed class ExportFilterTests(CachedServerFixture fixture) : IClassFixture<CachedServerFixture>
{
    private const string Workbook = SandboxWellKnown.RevenueDashboardId;

    [Fact]
    public async Task ExportData_RegionParameter_OnlyRowsOfThatRegion()
    {
        var page = (await ExportAsync(SandboxWellKnown.OrderLinesElementId, "\"parameters\":{\"p_region\":\"EMEA\"},\"limit\":200")).Ok();

        Column(page, "Region").Should().NotBeEmpty().And.OnlyContain(r => r == "EMEA");
    }

    [Fact]
    public async Task ExportData_TwoRegions_RowsOfEitherRegion()
    {
        var page = (await ExportAsync(SandboxWellKnown.OrderLinesElementId, "\"parameters\":{\"p_region\":\"EMEA,APAC\"},\"limit\":200")).Ok();

        Column(page, "Region").Should().OnlyContain(r => r == "EMEA" || r == "APAC").And.Contain("EMEA").And.Contain("APAC");
    }

    [Fact]
    public async Task ExportData_DateFilterJanuary2025_OnlyRowsInJanuary2025()
    {
        var page = (await ExportAsync(SandboxWellKnown.OrderLinesElementId, "\"date_filter\":\"min:2025-01-01,max:2025-01-31\",\"limit\":200")).Ok();

        Column(page, "Order Date").Should().NotBeEmpty()
            .And.OnlyContain(d => string.CompareOrdinal(d, "2025-01-01") >= 0 && string.CompareOrdinal(d, "2025-01-31") <= 0);
    }

    [Fact]
    public async Task ExportData_LastThirtyDays_OnlyRecentRows()
    {
        var page = (await ExportAsync(SandboxWellKnown.OrderLinesElementId, "\"date_filter\":\"last-30-days\",\"limit\":100")).Ok();

        var earliest = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Column(page, "Order Date").Should().NotBeEmpty().And.OnlyContain(d => string.CompareOrdinal(d, earliest) >= 0);
    }

    [Fact]
    public async Task ExportData_ParametersAndDateFilter_BothApplyAndTheControlsAreReadOnce()
    {
        var controlsPath = $"/v2/workbooks/{Workbook}/controls";
        var before = fixture.Server.Sandbox.Requests.Snapshot().Count(r => r.Path == controlsPath);

        var page = (await ExportAsync(SandboxWellKnown.OrderLinesElementId,
            "\"parameters\":{\"p_region\":\"EMEA\"},\"date_filter\":\"min:2025-01-01,max:2025-01-31\",\"limit\":200")).Ok();

        Column(page, "Region").Should().NotBeEmpty().And.OnlyContain(r => r == "EMEA");
        Column(page, "Order Date").Should().OnlyContain(d => string.CompareOrdinal(d, "2025-01-01") >= 0 && string.CompareOrdinal(d, "2025-01-31") <= 0);
        fixture.Server.Sandbox.Requests.Snapshot().Count(r => r.Path == controlsPath).Should().Be(before + 1);
    }

    [Fact]
    public async Task ExportData_Chart_OneGroupedRowPerRegion()
    {
        var all = (await ExportAsync(SandboxWellKnown.RevenueByRegionElementId, "\"limit\":1000")).Ok();
        var emea = (await ExportAsync(SandboxWellKnown.RevenueByRegionElementId, "\"parameters\":{\"p_region\":\"EMEA\"}")).Ok();

        Column(all, "Region").Should().Equal("APAC", "EMEA", "LATAM", "North America");
        Column(emea, "Region").Should().Equal("EMEA");
        emea.GetProperty("rows")[0].ToString().Should().Be(all.GetProperty("rows")[1].ToString(), "the filtered group sums the same rows");
    }

    [Fact]
    public async Task ExportData_UnknownParameter_IsErrorNamingTheControlIds()
    {
        var result = await ExportAsync(SandboxWellKnown.OrderLinesElementId, "\"parameters\":{\"p_regoin\":\"EMEA\"}");

        result.Error().Should().Contain("p_regoin").And.Contain("p_region").And.Contain("p_date_range");
    }

    private Task<ModelContextProtocol.Protocol.CallToolResult> ExportAsync(string element, string arguments) =>
        fixture.Server.Client.CallAsync("export_data", $$"""{"workbook_id":"{{Workbook}}","element_id":"{{element}}",{{arguments}}}""");

    private static List<string?> Column(JsonElement page, string name)
    {
        var index = page.Items("columns").FindIndex(c => c.GetString() == name);
        index.Should().BeGreaterThanOrEqualTo(0, "the element has a {0} column", name);
        return [.. page.Items("rows").Select(r => r[index].ValueKind == JsonValueKind.String ? r[index].GetString() : r[index].ToString())];
    }
}
