using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.SigmaApi;

public sealed class SigmaClientExportTests
{
    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public async Task Export_NotReadyTwiceThenFile_PollsAndReturnsWholeFile(string format)
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { ExportPollsBeforeReady = 2, ExportRowsPerElement = 25 });
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var started = await sigma.StartExportAsync(SandboxWellKnown.RevenueDashboardId,
            new ExportRequest(SandboxWellKnown.RevenueByRegionElementId, new ExportFormat(format)), TestTimeouts.Token());
        var file = await sigma.DownloadExportAsync(started.QueryId, TimeSpan.FromSeconds(30), 1 << 20, TestTimeouts.Token());

        file.Truncated.Should().BeFalse();
        file.Lines.Should().Be(format == "csv" ? 5 : 4, "the chart's 25 rows grouped into its 4 regions, plus a header for csv");
        sandbox.Requests.Count("GET", $"/v2/query/{started.QueryId}/download").Should().Be(3);
    }

    [Fact]
    public async Task Export_RowLimitAndOffset_PassedToSigma()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { ExportPollsBeforeReady = 0 });
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var started = await sigma.StartExportAsync(SandboxWellKnown.RevenueDashboardId,
            new ExportRequest(SandboxWellKnown.OrderLinesElementId, new ExportFormat("jsonl"), RowLimit: 10, Offset: 100), TestTimeouts.Token());
        var file = await sigma.DownloadExportAsync(started.QueryId, TimeSpan.FromSeconds(30), 1 << 20, TestTimeouts.Token());

        file.Lines.Should().Be(10);
    }

    [Fact]
    public async Task Export_NeverReadyBeforeDeadline_ClearErrorNamingQueryId()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { ExportPollsBeforeReady = int.MaxValue });
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();
        var started = await sigma.StartExportAsync(SandboxWellKnown.RevenueDashboardId,
            new ExportRequest(SandboxWellKnown.RevenueByRegionElementId, new ExportFormat("csv")), TestTimeouts.Token());

        var act = () => sigma.DownloadExportAsync(started.QueryId, TimeSpan.FromSeconds(1), 1 << 20, TestTimeouts.Token());

        var error = (await act.Should().ThrowAsync<SigmaApiException>()).Which;
        error.ErrorCode.Should().Be("export_timeout");
        error.Message.Should().Contain(started.QueryId).And.Contain("Retry later");
    }

    [Fact]
    public async Task Export_LargerThanCap_CutAtRowBoundaryAndFlagged()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { ExportPollsBeforeReady = 0 });
        using var host = ToolServices.Build(sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();
        var started = await sigma.StartExportAsync(SandboxWellKnown.RevenueDashboardId,
            new ExportRequest(SandboxWellKnown.OrderLinesElementId, new ExportFormat("csv")), TestTimeouts.Token());

        var file = await sigma.DownloadExportAsync(started.QueryId, TimeSpan.FromSeconds(30), maxBytes: 64 * 1024, TestTimeouts.Token());

        file.Truncated.Should().BeTrue();
        System.Text.Encoding.UTF8.GetByteCount(file.Content).Should().BeLessThanOrEqualTo(64 * 1024);
        file.Content.Should().EndWith("\n");
        var rows = file.Content.TrimEnd('\n').Split('\n');
        rows.Should().HaveCount(file.Lines);
        var header = CsvFieldCount(rows[0]);
        rows.Should().OnlyContain(r => CsvFieldCount(r) == header, "every kept row is complete");
    }

    // Fields of one CSV line, commas inside double quotes excepted.
    private static int CsvFieldCount(string line)
    {
        var (fields, quoted) = (1, false);
        foreach (var c in line)
        {
            (fields, quoted) = c switch
            {
                '"' => (fields, !quoted),
                ',' when !quoted => (fields + 1, quoted),
                _ => (fields, quoted),
            };
        }

        return fields;
    }
}
