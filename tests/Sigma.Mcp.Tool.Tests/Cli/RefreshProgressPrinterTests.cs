using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.Cli;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Tests.Cli;

/// <summary>What a person sees of a refresh on their terminal.</summary>
public sealed class RefreshProgressPrinterTests
{
    [Theory]
    [InlineData(80)]
    [InlineData(40)]
    [InlineData(200)]
    public void Interactive_EveryRedrawFitsTheTerminal(int width)
    {
        var error = new StringWriter();
        var printer = new RefreshProgressPrinter(error, interactive: true, () => width);

        printer.Report(new RefreshProgress(RefreshPhase.Listing, 12_345, 0, 0, 0, 0));
        printer.Report(new RefreshProgress(RefreshPhase.Fetching, 12_345, 12_000, 0, 0, 0));
        printer.Report(new RefreshProgress(RefreshPhase.Fetching, 12_345, 12_000, 11_999, 1_234, 0));
        printer.Report(new RefreshProgress(RefreshPhase.Done, 12_345, 12_000, 12_000, 1_234, 12_345));

        var redraws = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\n')).ToList();
        redraws.Should().HaveCount(4);
        redraws.Should().OnlyContain(r => r.Length == width - 1, "a line as wide as the terminal wraps, and each redraw would scroll a new line");
    }

    [Fact]
    public void Plain_LinesAreNotPadded()
    {
        var error = new StringWriter();
        var printer = new RefreshProgressPrinter(error, interactive: false, () => 80);

        printer.Report(new RefreshProgress(RefreshPhase.Done, 1, 1, 1, 0, 1));

        error.ToString().Should().StartWith("Done: 1 document written  [").And.NotContain("  \n");
    }

    [Theory]
    [InlineData(0, "0 workbooks")]
    [InlineData(1, "1 workbook")]
    [InlineData(2345, "2,345 workbooks")]
    public void Counted_SaysTheNounInTheRightNumber(long count, string expected) =>
        Counted.Of(count, "workbook").Should().Be(expected);

    [Fact]
    public void Counted_IrregularPlural() => Counted.Of(2, "entry", "entries").Should().Be("2 entries");
}
