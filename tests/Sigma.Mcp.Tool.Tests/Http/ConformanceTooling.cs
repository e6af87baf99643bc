using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// <c>tests/conformance</c>: the MCP conformance suite (npm <c>@modelcontextprotocol/conformance</c>) and the Node 22
/// it needs, installed from npm as the <c>node</c> package so that the machine's own (older) Node does not matter.
/// </summary>
internal static class ConformanceTooling
{
    private static readonly SemaphoreSlim s_installLock = new(1, 1);

    public static string Directory { get; } = Path.Combine(Repository.Root, "tests", "conformance");

    public static string ExpectedFailures => Path.Combine(Directory, "expected-failures.yml");

    /// <summary><c>node_modules/.bin</c>, first on PATH so that <c>npx</c> runs the suite on the local Node 22.</summary>
    public static string BinDirectory => Path.Combine(Directory, "node_modules", ".bin");

    /// <summary>Runs <c>npm ci</c> unless <c>node_modules</c> is newer than <c>package-lock.json</c>.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await s_installLock.WaitAsync();
        try
        {
            var installed = new FileInfo(Path.Combine(Directory, "node_modules", ".package-lock.json"));
            var lockFile = new FileInfo(Path.Combine(Directory, "package-lock.json"));
            if (installed.Exists && installed.LastWriteTimeUtc > lockFile.LastWriteTimeUtc && File.Exists(Path.Combine(BinDirectory, "node")))
            {
                return;
            }

            var run = await Commands.RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], Directory);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"`npm ci` failed in {Directory}. It needs npm and a reachable npm registry (it installs Node 22 as the npm package node).\n{run}");
            }
        }
        finally
        {
            s_installLock.Release();
        }
    }

    /// <summary>The environment for <c>npx conformance</c>: the local Node 22 first on PATH.</summary>
    public static Dictionary<string, string?> Environment() => new()
    {
        ["PATH"] = BinDirectory + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
    };
}
