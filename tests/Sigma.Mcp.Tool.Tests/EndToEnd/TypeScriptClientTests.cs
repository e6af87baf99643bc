using System.Text.Encodings.Web;
using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>
/// Claude Desktop and VS Code speak MCP through the official TypeScript SDK, which validates every tool result's
/// structured content against the tool's output schema (the C# client does not). <c>tests/node/mcp-client-check.mjs</c>
/// drives the built tool over stdio with that client; see the script for the list of checks.
/// </summary>
public sealed class TypeScriptClientTests
{
    private static readonly JsonSerializerOptions s_readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // for a failure message, not for HTML
    };

    [Fact]
    public async Task TypeScriptClient_DrivesServeOverStdio_AllChecksPass()
    {
        using var home = new TempDirectory();
        var server = ToolProcess.StartInfo(home.Path, new Dictionary<string, string?>(), "serve", "--sandbox");

        var run = await NodeTooling.RunNodeAsync(
            "mcp-client-check.mjs", [server.FileName, .. server.ArgumentList], IsolatedEnvironment(server.Environment), home.Path, TestTimeouts.Token());

        var summaryLine = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        var report = $"TypeScript client summary:\n{Pretty(summaryLine)}\n--- stderr (the script's and the server's)\n{run.Stderr}";
        run.ExitCode.Should().Be(0, "{0}", report);
        using var summary = JsonDocument.Parse(summaryLine);
        summary.RootElement.GetProperty("ok").GetBoolean().Should().BeTrue("{0}", report);
    }

    /// <summary>
    /// The server's environment as changes to this process's: <see cref="ToolProcess.StartInfo"/> removed the
    /// developer's SIGMA_* and AWS_* variables and pointed HOME into the test's folder; removals become nulls.
    /// </summary>
    private static Dictionary<string, string?> IsolatedEnvironment(IDictionary<string, string?> serverEnvironment)
    {
        var environment = new Dictionary<string, string?>(serverEnvironment);
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (!serverEnvironment.ContainsKey(name))
            {
                environment[name] = null;
            }
        }

        return environment;
    }

    private static string Pretty(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, s_readable);
        }
        catch (JsonException)
        {
            return json.Length == 0 ? "(nothing on stdout)" : json;
        }
    }
}
