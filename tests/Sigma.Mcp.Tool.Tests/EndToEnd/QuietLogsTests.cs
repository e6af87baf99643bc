using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>
/// At the default level, <c>serve</c> writes at most one Information line per MCP request, not one per Sigma HTTP
/// attempt: the logs that Claude Desktop and VS Code keep stay readable.
/// </summary>
public sealed class QuietLogsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Serve_RefreshOf400Workbooks_AHandfulOfStderrLines()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 400 });
        var stderr = new List<string>();
        var (command, arguments) = ToolProcess.Command("serve");
        await using (var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sigma-mcp",
            Command = command,
            Arguments = arguments,
            WorkingDirectory = _directory.Path,
            EnvironmentVariables = new Dictionary<string, string?>(SandboxSettings.For(sandbox)) { ["SIGMA_MCP_CACHE_PATH"] = _directory.File("cache.db") },
            StandardErrorLines = line => { lock (stderr) { stderr.Add(line); } },
        }), cancellationToken: TestTimeouts.Token()))
        {
            (await client.CallAsync("refresh_cache")).Ok().GetProperty("counts").GetProperty("workbook").GetInt32().Should().BeGreaterThanOrEqualTo(400);
        }

        sandbox.Requests.Total.Should().BeGreaterThan(400, "the refresh made hundreds of Sigma requests");
        lock (stderr)
        {
            stderr.Should().HaveCountLessThanOrEqualTo(5, "one line per MCP request at most, none per Sigma request:\n{0}", string.Join('\n', stderr));
        }
    }
}
