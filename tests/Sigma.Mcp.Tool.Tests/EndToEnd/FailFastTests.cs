using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>
/// The failure matrix of issue #9, against the real tool process: for each way Sigma can be unreachable, <c>heartbeat</c>,
/// <c>cache refresh</c> and a tool call over stdio fail at the speed of the cause, name the cause and the host, and
/// keep stderr short and free of stack traces at the default log level.
/// </summary>
public sealed class FailFastTests : IDisposable
{
    /// <summary>Room for a busy CI machine on top of each target: process start and JIT are not what is measured.</summary>
    private static readonly TimeSpan s_slack = TimeSpan.FromSeconds(4);

    private const int MaxStderrBytes = 2048;

    private readonly TempDirectory _directory = new();

    public static TheoryData<string> Kinds => ["dns", "connection_refused", "timeout", "not_json", "tls"];

    public void Dispose() => _directory.Dispose();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Heartbeat_SigmaUnreachable_UnhealthyWithCauseWithinTarget(string kind)
    {
        await using var sigma = await UnreachableSigma.StartAsync(kind);

        var run = await ToolProcess.RunAsync(_directory.Path, sigma.Settings(_directory.File("cache.db")), "heartbeat", "--json");

        run.ExitCode.Should().Be(1, run.ToString());
        var report = JsonDocument.Parse(run.Stdout).RootElement;
        var api = report.GetProperty("sigma_api");
        api.GetProperty("error_code").GetString().Should().Be(kind, run.ToString());
        report.GetProperty("error").GetString().Should().Contain(sigma.HostName).And.Contain($"({kind})");
        report.GetProperty("next_step").GetString().Should().NotBeNullOrWhiteSpace();
        TimeSpan.FromMilliseconds(api.GetProperty("response_time_ms").GetInt64()).Should()
            .BeLessThanOrEqualTo(HeartbeatTarget(kind) + s_slack, "the check itself fails at the speed of its cause");
        AssertQuiet(run.Stderr);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task CacheRefresh_SigmaUnreachable_ExitsOneWithCauseWithinTarget(string kind)
    {
        await using var sigma = await UnreachableSigma.StartAsync(kind);
        var baseline = await StartupAsync();

        var started = Stopwatch.GetTimestamp();
        var run = await ToolProcess.RunAsync(_directory.Path, sigma.Settings(_directory.File("cache.db")), "cache", "refresh");
        var elapsed = Stopwatch.GetElapsedTime(started);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain($"({kind})").And.Contain(sigma.HostName).And.Contain("SIGMA_BASE_URL");
        (elapsed - baseline).Should().BeLessThanOrEqualTo(RefreshTarget(kind) + s_slack, "the refresh stops at the first unreachable request ({0})", run.Stderr);
        AssertQuiet(run.Stderr);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ToolCall_SigmaUnreachable_IsErrorWithCauseWithinTarget(string kind)
    {
        await using var sigma = await UnreachableSigma.StartAsync(kind);
        var stderr = new List<string>();
        var (command, arguments) = ToolProcess.Command("serve");
        var result = default(ModelContextProtocol.Protocol.CallToolResult);
        var elapsed = TimeSpan.Zero;
        await using (var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sigma-mcp",
            Command = command,
            Arguments = arguments,
            WorkingDirectory = _directory.Path,
            EnvironmentVariables = sigma.Settings(_directory.File("cache.db")),
            StandardErrorLines = line => { lock (stderr) { stderr.Add(line); } },
        }), cancellationToken: TestTimeouts.Token()))
        {
            var started = Stopwatch.GetTimestamp();
            result = await client.CallAsync("describe_workbook", """{"workbook_id":"4d2b7a63-0c1e-4a8e-9f3a-1b2c3d4e5f60"}""");
            elapsed = Stopwatch.GetElapsedTime(started);
        }

        var text = result.Error();
        text.Should().Contain($"({kind})").And.Contain(sigma.HostName);
        elapsed.Should().BeLessThanOrEqualTo(ToolTarget(kind) + s_slack, "the tool call fails at the speed of its cause: {0}", text);
        string log;
        lock (stderr)
        {
            log = string.Join('\n', stderr);
        }

        AssertQuiet(log);
    }

    // Issue #9's targets: 5 s (heartbeat) and 10 s (tool call, refresh) when nothing answers at once, 15 s and 20 s for a silent host.
    private static TimeSpan HeartbeatTarget(string kind) => TimeSpan.FromSeconds(kind == "timeout" ? 15 : 5);

    private static TimeSpan ToolTarget(string kind) => TimeSpan.FromSeconds(kind == "timeout" ? 20 : 10);

    private static TimeSpan RefreshTarget(string kind) => TimeSpan.FromSeconds(kind == "timeout" ? 20 : 10);

    private static void AssertQuiet(string stderr)
    {
        stderr.Split('\n').Should().NotContain(line => line.StartsWith("   at ", StringComparison.Ordinal), "no stack trace at the default level:\n{0}", stderr);
        stderr.Should().NotContain("Exception:", "no exception is dumped, as lines or flattened into one");
        System.Text.Encoding.UTF8.GetByteCount(stderr).Should().BeLessThan(MaxStderrBytes, "stderr stays short:\n{0}", stderr);
    }

    /// <summary>How long the tool takes to start and exit on this machine, so that only the failure is timed.</summary>
    private async Task<TimeSpan> StartupAsync()
    {
        var started = Stopwatch.GetTimestamp();
        await ToolProcess.RunAsync(_directory.Path, new Dictionary<string, string?>(), "cache", "refresh", "--help");
        return Stopwatch.GetElapsedTime(started);
    }
}
