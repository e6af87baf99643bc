using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>The built tool, started as a child process, spoken to over stdio, as Claude Desktop or VS Code do.</summary>
public sealed class StdioServerTests : IAsyncLifetime, IDisposable
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw-test","version":"1"}}}""";
    private const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";
    private const string ListTools = """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";
    private const string CallHeartbeat = """{"jsonrpc":"2.0","id":"hb-3","method":"tools/call","params":{"name":"heartbeat","arguments":{}}}""";

    private readonly SandboxFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData(null)]          // the SDK's newest handshake
    [InlineData("2025-11-25")]  // initialize, as shipping hosts do
    [InlineData("2025-06-18")]
    public async Task Serve_SdkClientOverStdio_HeartbeatHealthyWithWhoAmI(string? protocolVersion)
    {
        var (command, arguments) = ToolProcess.Command("serve");
        var stderr = new List<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sigma-mcp",
            Command = command,
            Arguments = arguments,
            WorkingDirectory = _fixture.Directory.Path,
            EnvironmentVariables = _fixture.Settings(),
            StandardErrorLines = line => { lock (stderr) { stderr.Add(line); } },
        });

        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocolVersion }, cancellationToken: TestTimeouts.Token());

        client.ServerInfo!.Name.Should().Be("sigma-mcp");
        client.ServerInstructions.Should().NotBeNullOrWhiteSpace();
        client.NegotiatedProtocolVersion.Should().Be(protocolVersion ?? "2026-07-28");
        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.Token());
        tools.Select(t => t.Name).Should().Contain("heartbeat");

        var result = await client.CallToolAsync("heartbeat", cancellationToken: TestTimeouts.Token());

        result.IsError.Should().NotBe(true);
        var report = result.StructuredContent!.Value;
        report.GetProperty("status").GetString().Should().Be("healthy", string.Join('\n', stderr));
        report.GetProperty("sigma_api").GetProperty("user_info").GetProperty("organizationId").GetString()
            .Should().Be(_fixture.Sandbox.Data.OrganizationId);
        _fixture.Sandbox.Requests.Count("GET", "/v2/whoami").Should().BeGreaterThanOrEqualTo(1, "the heartbeat asked Sigma (the search index asks once too, at start)");
    }

    [Fact]
    public async Task Serve_StdinClosedRightAfterRequests_AnswersAllThenExitsZeroWithOnlyJsonRpcOnStdout()
    {
        using var process = Start();
        await process.StandardInput.WriteAsync(string.Join('\n', Initialize, Initialized, ListTools, CallHeartbeat) + "\n");
        process.StandardInput.Close();

        var (exitCode, stdout, stderr) = await FinishAsync(process);

        exitCode.Should().Be(0, stderr);
        var messages = ParseJsonRpcLines(stdout);
        messages.Select(m => m.GetProperty("id").ToString()).Should().BeEquivalentTo(["1", "2", "hb-3"], "every request is answered before the server exits");
        stderr.Should().Contain("info:", "logs go to stderr");
    }

    [Fact]
    public async Task Serve_SigtermDuringToolCall_FinishesTheCallThenExitsZero()
    {
        _fixture.Sandbox.Faults.Latency = TimeSpan.FromSeconds(1);
        using var process = Start();
        await process.StandardInput.WriteAsync(string.Join('\n', Initialize, Initialized, CallHeartbeat) + "\n");
        await process.StandardInput.FlushAsync();

        // Wait until the heartbeat is on its way to Sigma, then ask the server to stop.
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        while (_fixture.Sandbox.Requests.Total == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var (exitCode, stdout, stderr) = await FinishAsync(process);

        exitCode.Should().Be(0, stderr);
        var heartbeat = ParseJsonRpcLines(stdout).Single(m => m.GetProperty("id").ToString() == "hb-3");
        heartbeat.GetProperty("result").GetProperty("structuredContent").GetProperty("status").GetString().Should().Be("healthy");
    }

    private Process Start()
    {
        var settings = _fixture.Settings();
        return Process.Start(ToolProcess.StartInfo(_fixture.Directory.Path, settings, "serve"))!;
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> FinishAsync(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestTimeouts.Token());
        return (process.ExitCode, await stdout, await stderr);
    }

    private static List<JsonElement> ParseJsonRpcLines(string stdout)
    {
        var messages = new List<JsonElement>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var message = JsonDocument.Parse(line).RootElement;
            message.GetProperty("jsonrpc").GetString().Should().Be("2.0", $"every stdout line is a JSON-RPC message: {line}");
            messages.Add(message);
        }

        return messages;
    }
}
