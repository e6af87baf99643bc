using System.Diagnostics;
using System.Globalization;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;
using Xunit.Abstractions;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// The built tool, started as <c>serve</c> in a process of its own, pages through the sandbox's 50,000-row
/// "Order Lines" table with <c>export_data</c>: each page is right, and the server's peak memory stays bounded
/// (it keeps one page, never the export). The peak is written to the test output.
/// </summary>
public sealed class ExportMemoryTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const long PeakLimitBytes = 300L * 1024 * 1024;
    private const int RowLimit = 10_000;

    private readonly SandboxFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task ExportData_LargeTablePagedWithRowLimit10000_ConsecutivePagesAndPeakMemoryBounded()
    {
        _fixture.Sandbox.Options.LargeElementRows.Should().Be(50_000);
        var settings = _fixture.Settings();
        using var server = Process.Start(ToolProcess.StartInfo(_fixture.Directory.Path, settings, "serve"))!;
        var stderr = new List<string>();
        server.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.Add(e.Data ?? "");
            }
        };
        server.BeginErrorReadLine();
        try
        {
            await using (var client = await McpClient.CreateAsync(
                new StreamClientTransport(serverInput: server.StandardInput.BaseStream, serverOutput: server.StandardOutput.BaseStream),
                cancellationToken: TestTimeouts.Token()))
            {
                var first = await ExportPageAsync(client, "json", offset: 0);
                var second = await ExportPageAsync(client, "json", offset: first.NextOffset);
                await ExportPageAsync(client, "csv", offset: 40_000);
                second.Offset.Should().Be(first.RowCount, "the second page starts at the first page's next_offset");

                var peak = PeakMemoryBytes(server);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sigma-mcp serve (pid {server.Id}) peak RSS after three {RowLimit:N0}-row export_data pages of the {_fixture.Sandbox.Options.LargeElementRows:N0}-row table: {peak / 1024.0 / 1024.0:F1} MB (VmHWM)"));
                peak.Should().BeLessThan(PeakLimitBytes, "the server keeps at most one capped page of an export in memory");
            }

            // EOF on stdin ends the server (the transport leaves the streams it was given open).
            server.StandardInput.Close();
            using var exit = new CancellationTokenSource(TestTimeouts.Default);
            await server.WaitForExitAsync(exit.Token);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }

            lock (stderr)
            {
                output.WriteLine("--- server stderr\n" + string.Join('\n', stderr.TakeLast(20)));
            }
        }
    }

    private static async Task<Page> ExportPageAsync(McpClient client, string format, int offset)
    {
        var result = await client.CallToolAsync("export_data", new Dictionary<string, object?>
        {
            ["workbook_id"] = SandboxWellKnown.RevenueDashboardId,
            ["element_id"] = SandboxWellKnown.OrderLinesElementId,
            ["format"] = format,
            ["limit"] = RowLimit,
            ["offset"] = offset,
        }, cancellationToken: TestTimeouts.Token());

        var page = result.Ok();
        var count = page.GetProperty("row_count").GetInt32();
        count.Should().BeInRange(1, RowLimit - 1, "{0:N0} rows do not fit one response", RowLimit);
        page.GetProperty("offset").GetInt32().Should().Be(offset);
        page.GetProperty("truncated").GetBoolean().Should().BeTrue("the page was cut to fit the budget");
        page.GetProperty("next_offset").GetInt32().Should().Be(offset + count);
        var idColumn = page.Items("columns").FindIndex(c => c.GetString() == "Order Id");
        var ids = page.Items("rows").Select(r => r[idColumn].GetString()).ToList();
        ids.Should().Equal(Enumerable.Range(offset, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"ORD-{i + 100_000:D7}")),
            "a {0} page from offset {1} holds consecutive rows", format, offset);
        return new Page(offset, count, offset + count);
    }

    /// <summary>The process's peak resident set: VmHWM from /proc on Linux, the runtime's peak working set elsewhere.</summary>
    private static long PeakMemoryBytes(Process process)
    {
        if (!OperatingSystem.IsLinux())
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }

        var line = File.ReadLines($"/proc/{process.Id}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kilobytes = line["VmHWM:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.Parse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
    }

    private sealed record Page(int Offset, int RowCount, int NextOffset);
}
