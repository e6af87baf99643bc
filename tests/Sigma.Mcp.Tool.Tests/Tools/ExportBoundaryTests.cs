using System.Globalization;
using CsvHelper;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// <c>export_data</c> where cells hold quotes, commas and line breaks, and where one row is larger than a response:
/// pages end at record boundaries, paging always advances, and nothing is skipped or split.
/// </summary>
public sealed class ExportBoundaryTests
{
    private const string Workbook = SandboxWellKnown.RevenueDashboardId;
    private const string OrderLines = SandboxWellKnown.OrderLinesElementId;

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task ExportData_CellsWithNewlinesQuotesAndCommasAcrossTheCut_EveryRowOnceAndWhole(string format)
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { ExportNoteLength = 300, LargeElementRows = 400 });
        await using var server = await InProcessServer.StartAsync(sandbox, cancellationToken: TestTimeouts.Token());
        var seen = new List<string>();
        int? offset = 0;
        var pages = 0;
        while (offset is { } from)
        {
            var result = await server.Client.CallAsync("export_data",
                $$"""{"workbook_id":"{{Workbook}}","element_id":"{{OrderLines}}","format":"{{format}}","limit":10000,"offset":{{from}}}""");
            var page = result.Ok();
            var rows = page.Items("rows");
            rows.Should().NotBeEmpty("a page always advances (offset {0})", from);
            seen.AddRange(rows.Select(r => r[0].GetString()!));
            rows.Should().OnlyContain(r => IsWholeNote(r[3].GetString()!), "no cell is cut inside (offset {0})", from);
            if (format == "csv")
            {
                ParseCsv(InProcessServer.Text(result)).Select(r => r[0]).Should().Equal(rows.Select(r => r[0].GetString()), "the CSV text holds exactly the page's records");
            }

            offset = page.TryGetProperty("next_offset", out var next) ? next.GetInt32() : null;
            pages++;
        }

        pages.Should().BeGreaterThan(2, "the rows do not fit one response, so pages were cut");
        seen.Should().Equal(Enumerable.Range(0, 400).Select(i => string.Create(CultureInfo.InvariantCulture, $"ORD-{i + 100_000:D7}")));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task ExportData_SingleRowOf100KB_ReturnedShortenedAndFlaggedAndPagingAdvances(string format)
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { ExportNoteLength = 100_000, LargeElementRows = 3 });
        await using var server = await InProcessServer.StartAsync(sandbox, cancellationToken: TestTimeouts.Token());

        var first = await server.Client.CallAsync("export_data",
            $$"""{"workbook_id":"{{Workbook}}","element_id":"{{OrderLines}}","format":"{{format}}","limit":3}""");
        var page = first.Ok();

        page.GetProperty("row_count").GetInt32().Should().Be(1);
        page.GetProperty("truncated").GetBoolean().Should().BeTrue();
        page.GetProperty("next_offset").GetInt32().Should().Be(1);
        page.Str("note").Should().Contain("shortened");
        page.Items("rows")[0][3].GetString().Should().Contain("[shortened from");
        first.Size().Should().BeLessThan(Sigma.Mcp.Tool.Tools.ToolResult.BudgetChars);

        var second = (await server.Client.CallAsync("export_data",
            $$"""{"workbook_id":"{{Workbook}}","element_id":"{{OrderLines}}","format":"{{format}}","limit":3,"offset":1}""")).Ok();
        second.Items("rows")[0][0].GetString().Should().Be("ORD-0100001");
    }

    // The sandbox's note: 300 characters from " / note N: " on, with quotes, a comma and a line break.
    private static bool IsWholeNote(string customerName) =>
        customerName.IndexOf(" / note ", StringComparison.Ordinal) is var start and >= 0
        && customerName.Length - start == 300
        && customerName.Contains("\"rush\", call back,\nthen ship", StringComparison.Ordinal);

    private static List<string[]> ParseCsv(string text)
    {
        // The text is a summary line, then the CSV with its header.
        using var reader = new StringReader(text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!)]);
        }

        return rows;
    }
}
