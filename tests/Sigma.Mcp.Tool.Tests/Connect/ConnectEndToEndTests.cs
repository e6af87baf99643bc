using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Http;
using Sigma.Mcp.Tool.Tests.Tools;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Connect;

/// <summary>
/// <c>serve --http</c> with a static token on loopback, <c>sigma-mcp connect</c> in front of it, driven over stdio as
/// Claude Desktop would drive it: by the C# SDK client, and line by line to see exactly what reaches stdout.
/// </summary>
public sealed class ConnectEndToEndTests(AuthenticatedServerFixture remote) : IClassFixture<AuthenticatedServerFixture>, IDisposable
{
    private readonly TempDirectory _home = new();

    public void Dispose()
    {
        remote.Sandbox.Faults.Latency = TimeSpan.Zero;
        _home.Dispose();
    }

    [Theory]
    [InlineData(null)]          // the SDK's newest handshake (server/discover, per-request metadata)
    [InlineData("2025-11-25")]  // initialize, as shipping hosts do
    public async Task SdkClient_ThroughConnect_ListsToolsSearchesAndExportsWithProgress(string? protocolVersion)
    {
        await using var client = await ConnectProcess.ConnectSdkClientAsync(remote.Server.McpEndpoint, _home.Path, AuthenticatedServerFixture.Token, protocolVersion);

        client.ServerInfo!.Name.Should().Be("sigma-mcp", "the remote server's own handshake comes through");
        client.NegotiatedProtocolVersion.Should().Be(protocolVersion ?? "2026-07-28");
        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.Token());
        tools.Select(t => t.Name).Should().Contain(["search_documents", "export_data"]);

        var search = await client.CallAsync("search_documents", """{"query":"revenue"}""");
        search.IsError.Should().NotBe(true);
        search.StructuredContent!.Value.GetRawText().Should().Contain(SandboxWellKnown.RevenueDashboardId);

        var progress = new ProgressRecorder(p => p.Progress >= 1);
        var export = await client.CallAsync("export_data",
            $$"""{"workbook_id":"{{SandboxWellKnown.RevenueDashboardId}}","element_id":"{{SandboxWellKnown.RevenueByRegionElementId}}","limit":5}""", progress);
        export.IsError.Should().NotBe(true);
        export.StructuredContent!.Value.GetProperty("row_count").GetInt32().Should().BePositive();
        await progress.Finished.WaitAsync(TestTimeouts.Default);
        progress.Values[0].Message.Should().Contain("computing the export");
    }

    [Fact]
    public async Task SdkClient_CancelsACall_TheRelayAbandonsItAndKeepsServing()
    {
        var stderr = new List<string>();
        await using var client = await ConnectProcess.ConnectSdkClientAsync(remote.Server.McpEndpoint, _home.Path, AuthenticatedServerFixture.Token, stderr: stderr);
        remote.Sandbox.Faults.Latency = TimeSpan.FromSeconds(3);
        using var cancel = new CancellationTokenSource();

        var call = client.CallToolAsync("heartbeat", cancellationToken: cancel.Token).AsTask();
        await ConnectProcess.WaitUntilAsync(() => { lock (stderr) { return stderr.Any(l => l.Contains("Relaying tools/call", StringComparison.Ordinal)); } }, "the relay forwards the call");
        await cancel.CancelAsync();

        await call.Invoking(c => c).Should().ThrowAsync<OperationCanceledException>();
        remote.Sandbox.Faults.Latency = TimeSpan.Zero;
        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.Token());
        tools.Should().NotBeEmpty("the relay serves on after a cancellation");
    }

    [Fact]
    public async Task Raw_CancelledRequest_IsNeverAnsweredAndLaterRequestsAre()
    {
        using var relay = await StartWithHeartbeatInFlightAsync(TimeSpan.FromSeconds(3));
        await relay.SendAsync("""{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":"hb","reason":"stop"}}""");
        remote.Sandbox.Faults.Latency = TimeSpan.Zero;
        await relay.SendAsync("""{"jsonrpc":"2.0","id":7,"method":"tools/list"}""");
        var list = await relay.ReadAnswerAsync("7");
        relay.CloseInput();
        var (exitCode, rest, stderr) = await relay.FinishAsync();

        list.GetProperty("result").GetProperty("tools").GetArrayLength().Should().BeGreaterThan(0);
        exitCode.Should().Be(0, stderr);
        ConnectProcess.ParseJsonRpcLines(rest).Select(m => m.TryGetProperty("id", out var id) ? id.GetRawText() : null)
            .Should().NotContain("\"hb\"", "a cancelled request gets no answer");
    }

    [Fact]
    public async Task Raw_StdinClosedDuringACall_AnswersItThenExitsZeroWithOnlyJsonRpcOnStdout()
    {
        using var relay = await StartWithHeartbeatInFlightAsync(TimeSpan.FromSeconds(1));
        relay.CloseInput();
        var (exitCode, stdout, stderr) = await relay.FinishAsync();

        exitCode.Should().Be(0, stderr);
        var heartbeat = ConnectProcess.ParseJsonRpcLines(stdout).Single(m => m.GetProperty("id").GetRawText() == "\"hb\"");
        heartbeat.GetProperty("result").GetProperty("structuredContent").GetProperty("status").GetString().Should().Be("healthy");
    }

    [Fact]
    public async Task Raw_SigtermDuringACall_AnswersItThenExitsZero()
    {
        using var relay = await StartWithHeartbeatInFlightAsync(TimeSpan.FromSeconds(1));
        await relay.SignalAsync("TERM");
        var (exitCode, stdout, stderr) = await relay.FinishAsync();

        exitCode.Should().Be(0, stderr);
        var heartbeat = ConnectProcess.ParseJsonRpcLines(stdout).Single(m => m.GetProperty("id").GetRawText() == "\"hb\"");
        heartbeat.GetProperty("result").GetProperty("structuredContent").GetProperty("status").GetString().Should().Be("healthy");
    }

    // A relay past initialize with one heartbeat in flight at the remote, slowed by latency so the test acts while it runs.
    private async Task<RawRelay> StartWithHeartbeatInFlightAsync(TimeSpan latency)
    {
        var relay = ConnectProcess.StartRaw(remote.Server.McpEndpoint, _home.Path, AuthenticatedServerFixture.Token);
        try
        {
            await relay.SendAsync(ConnectProcess.Initialize, ConnectProcess.Initialized);
            await relay.ReadAnswerAsync("1");
            remote.Sandbox.Faults.Latency = latency;
            await relay.SendAsync(ConnectProcess.CallHeartbeat);
            await relay.WaitUntilRelayingAsync("\"hb\"");
            return relay;
        }
        catch
        {
            relay.Dispose();
            throw;
        }
    }

    [Fact]
    public async Task TypeScriptClient_ThroughConnect_ListsSearchesExportsCancelsAndSurvivesEof()
    {
        var relay = ToolProcess.StartInfo(_home.Path, ConnectProcess.Settings(_home.Path, AuthenticatedServerFixture.Token), "connect", remote.Server.McpEndpoint.ToString());
        remote.Sandbox.Faults.Latency = TimeSpan.FromSeconds(1); // so that a call can be cancelled, or cut off, in flight
        var environment = new Dictionary<string, string?>(relay.Environment);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => !relay.Environment.ContainsKey(n)))
        {
            environment[name] = null;
        }

        var run = await NodeTooling.RunNodeAsync("connect-client-check.mjs", [relay.FileName, .. relay.ArgumentList], environment, _home.Path, TestTimeouts.Token());

        var summary = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "{}";
        run.ExitCode.Should().Be(0, "every check passes:\n{0}\n--- stderr\n{1}", summary, run.Stderr);
        using var document = JsonDocument.Parse(summary);
        document.RootElement.GetProperty("checks").EnumerateArray().Should().HaveCountGreaterThanOrEqualTo(8);
    }
}
