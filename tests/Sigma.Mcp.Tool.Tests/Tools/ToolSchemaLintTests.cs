using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// The MCP Inspector CLI's strict lint of <c>tools/list</c> (<c>inspector --cli … --method tools/list --strict</c>,
/// npm <c>@modelcontextprotocol/inspector</c> from <c>tests/inspector</c>'s lockfile, on the Node 22 it needs, installed
/// there as the npm package <c>node</c>): no error and no warning, so clients that map schemas onto a single-type
/// dialect (Gemini function declarations, OpenAPI 3.0) take every tool. The list also stays small enough to send.
/// </summary>
public sealed class ToolSchemaLintTests
{
    /// <summary>The whole tools/list in estimated tokens (characters / 4): what every conversation pays up front.</summary>
    private const int MaxListTokens = 4_000;

    private static readonly SemaphoreSlim s_installLock = new(1, 1);

    private static string InspectorDirectory { get; } = Path.Combine(Repository.Root, "tests", "inspector");

    private static string BinDirectory => Path.Combine(InspectorDirectory, "node_modules", ".bin");

    [Fact]
    public async Task InspectorStrictLint_ToolsList_NoErrorsNoWarningsAndUnder4000Tokens()
    {
        await EnsureInstalledAsync();
        using var home = new TempDirectory();
        var (command, arguments) = ToolProcess.Command("serve", "--sandbox");
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = BinDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["HOME"] = home.Path,
            ["SIGMA_MCP_CACHE_PATH"] = home.File("cache.db"),
        };

        var run = await Commands.RunToEndAsync(
            Commands.StartInfo(Path.Combine(BinDirectory, "inspector"), ["--cli", command, .. arguments, "--method", "tools/list", "--strict"], home.Path, environment),
            TestTimeouts.Token());

        var findings = run.Stderr.Split('\n').Where(l => l.StartsWith("Warning:", StringComparison.Ordinal) || l.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        run.ExitCode.Should().Be(0, "--strict exits 6 on an error-severity finding:\n{0}", run.Stderr);
        findings.Should().BeEmpty("the strict lint reports nothing (nullable properties are optional, cells are anyOf):\n{0}", run.Stderr);

        using var list = JsonDocument.Parse(run.Stdout);
        var tools = list.RootElement.GetProperty("tools");
        tools.GetArrayLength().Should().Be(8);
        var compact = JsonSerializer.Serialize(list.RootElement);
        (compact.Length / 4).Should().BeLessThan(MaxListTokens, "tools/list is sent to the model in every conversation");
    }

    /// <summary>Installs tests/inspector from its lockfile unless node_modules is newer than package-lock.json.</summary>
    private static async Task EnsureInstalledAsync()
    {
        await s_installLock.WaitAsync();
        try
        {
            var installed = new FileInfo(Path.Combine(InspectorDirectory, "node_modules", ".package-lock.json"));
            var lockFile = new FileInfo(Path.Combine(InspectorDirectory, "package-lock.json"));
            if (installed.Exists && installed.LastWriteTimeUtc > lockFile.LastWriteTimeUtc && File.Exists(Path.Combine(BinDirectory, "node")))
            {
                return;
            }

            // Not `npm ci`: the lockfile cannot hold vite's Windows-only optional dependency, which the registry does not
            // serve, and `npm ci` refuses a lockfile without it. `npm install --no-save` installs the locked versions all the same.
            var run = await Commands.RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["install", "--no-save", "--no-audit", "--no-fund"], InspectorDirectory);
            run.ExitCode.Should().Be(0, $"`npm install` in {InspectorDirectory} installs the Inspector and Node 22 (it needs npm and a reachable npm registry):\n{run}");
        }
        finally
        {
            s_installLock.Release();
        }
    }
}
