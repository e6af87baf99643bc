using System.ComponentModel;
using System.Globalization;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// The Node.js side of the tests (<c>tests/node</c>): real MCP clients such as Claude Desktop and VS Code are
/// TypeScript, and their SDK validates what the C# client does not. Makes <c>tests/node/node_modules</c> exist
/// (<c>npm ci</c>, once per test run) and runs the scripts there. A missing Node.js is a failure that says how
/// to fix it, never a skipped test.
/// </summary>
internal static class NodeTooling
{
    private const int MinimumNodeMajorVersion = 20;

    private static readonly SemaphoreSlim s_installLock = new(1, 1);
    private static bool s_installed;

    /// <summary>The folder holding <c>Sigma.Mcp.Tool.sln</c>.</summary>
    public static string RepoRoot => Repository.Root;

    /// <summary><c>tests/node</c>: package.json, package-lock.json and the scripts.</summary>
    public static string NodeDirectory { get; } = Path.Combine(RepoRoot, "tests", "node");

    private static string FixHint =>
        $"Install Node.js {MinimumNodeMajorVersion}+ (with npm) so that `node` and `npm` are on PATH; then run `npm ci` in tests/node ({NodeDirectory}).";

    private static string NpmCommand => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    /// <summary>
    /// Runs <c>npm ci</c> in <see cref="NodeDirectory"/> unless <c>node_modules</c> is already newer than
    /// <c>package-lock.json</c>. Once per test run; concurrent callers wait for the same install.
    /// </summary>
    /// <exception cref="InvalidOperationException">Node.js or npm is missing or too old, or <c>npm ci</c> failed.</exception>
    public static async Task EnsureInstalledAsync()
    {
        if (Volatile.Read(ref s_installed))
        {
            return;
        }

        await s_installLock.WaitAsync();
        try
        {
            if (s_installed)
            {
                return;
            }

            await CheckNodeVersionAsync();
            if (!IsInstallCurrent())
            {
                await NpmCiAsync();
            }

            Volatile.Write(ref s_installed, true);
        }
        finally
        {
            s_installLock.Release();
        }
    }

    /// <summary>
    /// Runs <c>node tests/node/<paramref name="script"/> <paramref name="args"/></c> to completion in
    /// <see cref="NodeDirectory"/>, after <see cref="EnsureInstalledAsync"/>.
    /// </summary>
    /// <param name="script">A file in <see cref="NodeDirectory"/>.</param>
    /// <param name="args">The script's arguments.</param>
    /// <param name="env">Changes to this process's environment: a value sets a variable, <see langword="null"/> removes it.</param>
    /// <param name="cancellationToken">Ends the run: node and everything it started are killed, and a <see cref="TimeoutException"/> says what they printed.</param>
    public static Task<ToolRun> RunNodeAsync(
        string script, IEnumerable<string> args, IDictionary<string, string?> env, CancellationToken cancellationToken) =>
        RunNodeAsync(script, args, env, NodeDirectory, cancellationToken);

    /// <summary>
    /// Runs <c>node tests/node/<paramref name="script"/> <paramref name="args"/></c> to completion in
    /// <paramref name="workingDirectory"/>, after <see cref="EnsureInstalledAsync"/>.
    /// </summary>
    /// <param name="script">A file in <see cref="NodeDirectory"/>.</param>
    /// <param name="args">The script's arguments.</param>
    /// <param name="env">Changes to this process's environment: a value sets a variable, <see langword="null"/> removes it.</param>
    /// <param name="workingDirectory">Node's working directory, which the processes it starts inherit.</param>
    /// <param name="cancellationToken">Ends the run: node and everything it started are killed, and a <see cref="TimeoutException"/> says what they printed.</param>
    public static async Task<ToolRun> RunNodeAsync(
        string script, IEnumerable<string> args, IDictionary<string, string?> env, string workingDirectory, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync();
        var scriptPath = Path.Combine(NodeDirectory, script);
        if (!File.Exists(scriptPath))
        {
            throw new FileNotFoundException($"No script {script} in {NodeDirectory}.", scriptPath);
        }

        try
        {
            return await Commands.RunToEndAsync(Commands.StartInfo("node", [scriptPath, .. args], workingDirectory, env), cancellationToken);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start node: {e.Message}. {FixHint}", e);
        }
    }

    private static async Task CheckNodeVersionAsync()
    {
        ToolRun run;
        try
        {
            run = await Commands.RunAsync("node", ["--version"], NodeDirectory);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Node.js was not found ({e.Message}). {FixHint}", e);
        }

        var version = run.Stdout.Trim();
        var major = version.TrimStart('v').Split('.')[0];
        if (run.ExitCode != 0 || !int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var majorVersion))
        {
            throw new InvalidOperationException($"`node --version` did not work ({run}). {FixHint}");
        }

        if (majorVersion < MinimumNodeMajorVersion)
        {
            throw new InvalidOperationException($"Node.js {version} is too old. {FixHint}");
        }
    }

    /// <summary>npm writes <c>node_modules/.package-lock.json</c> last; newer than the lock file means installed from it.</summary>
    private static bool IsInstallCurrent()
    {
        var installed = new FileInfo(Path.Combine(NodeDirectory, "node_modules", ".package-lock.json"));
        var lockFile = new FileInfo(Path.Combine(NodeDirectory, "package-lock.json"));
        return installed.Exists && lockFile.Exists && installed.LastWriteTimeUtc > lockFile.LastWriteTimeUtc;
    }

    private static async Task NpmCiAsync()
    {
        ToolRun run;
        try
        {
            run = await Commands.RunAsync(NpmCommand, ["ci", "--no-audit", "--no-fund"], NodeDirectory);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"npm was not found ({e.Message}). {FixHint}", e);
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"`npm ci` in {NodeDirectory} did not finish: {e.Message} {FixHint}", e);
        }

        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`npm ci` failed in {NodeDirectory} (its output is below). Run `npm ci` in tests/node by hand and fix what it " +
                $"reports: it needs Node.js {MinimumNodeMajorVersion}+ and an npm registry it can reach (`npm config get registry`).\n{run}");
        }
    }
}
