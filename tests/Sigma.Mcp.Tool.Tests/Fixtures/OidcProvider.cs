using System.Diagnostics;
using System.Text;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// A real OAuth 2.1 / OpenID Connect authorization server (the npm package <c>oidc-provider</c>, from
/// <c>tests/oidc/package-lock.json</c>) on a loopback port the OS picks; see <c>tests/oidc/provider.mjs</c> for what it
/// offers (discovery, dynamic registration, PKCE, resource indicators with JWT access tokens carrying <c>email</c>,
/// development login and consent pages that accept any login). Any test may start one; <see cref="RunScriptAsync"/>
/// runs the folder's other scripts (the MCP client that completes the flow, for one).
/// </summary>
internal sealed class OidcProvider : IAsyncDisposable
{
    private static readonly SemaphoreSlim s_installLock = new(1, 1);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _issuer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private OidcProvider(Process process) => _process = process;

    public static string Directory { get; } = Path.Combine(Repository.Root, "tests", "oidc");

    /// <summary>The issuer URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>Starts the provider; <paramref name="resourceScope"/> is the scope its access tokens for a resource carry.</summary>
    public static async Task<OidcProvider> StartAsync(string resourceScope = "sigma-mcp")
    {
        await EnsureInstalledAsync();
        var info = Commands.StartInfo("node", [Path.Combine(Directory, "provider.mjs")], Directory,
            [new("OIDC_RESOURCE_SCOPE", resourceScope)]);
        info.RedirectStandardInput = true;
        var provider = new OidcProvider(new Process { StartInfo = info, EnableRaisingEvents = true });
        provider._process.OutputDataReceived += (_, e) => provider.OnOutput(e.Data);
        provider._process.ErrorDataReceived += (_, e) => provider.OnOutput(e.Data);
        provider._process.Exited += (_, _) => provider._issuer.TrySetException(new InvalidOperationException($"oidc-provider exited:\n{provider.Output}"));
        provider._process.Start();
        provider._process.BeginOutputReadLine();
        provider._process.BeginErrorReadLine();
        provider.Issuer = await provider._issuer.Task.WaitAsync(TestTimeouts.Default);
        return provider;
    }

    /// <summary>Runs <c>node tests/oidc/<paramref name="script"/></c> to its end.</summary>
    public static async Task<ToolRun> RunScriptAsync(string script, params string[] args)
    {
        await EnsureInstalledAsync();
        return await Commands.RunToEndAsync(Commands.StartInfo("node", [Path.Combine(Directory, script), .. args], Directory), TestTimeouts.Token());
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>How many times the provider logged <c>EVENT <paramref name="what"/></c> so far (see provider.mjs).</summary>
    public int Events(string what) =>
        Output.Split('\n').Count(line => line.TrimEnd() == "EVENT " + what);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary><c>npm ci</c> in tests/oidc unless node_modules is newer than package-lock.json.</summary>
    private static async Task EnsureInstalledAsync()
    {
        await s_installLock.WaitAsync();
        try
        {
            var installed = new FileInfo(Path.Combine(Directory, "node_modules", ".package-lock.json"));
            var lockFile = new FileInfo(Path.Combine(Directory, "package-lock.json"));
            if (installed.Exists && installed.LastWriteTimeUtc > lockFile.LastWriteTimeUtc)
            {
                return;
            }

            var run = await Commands.RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], Directory);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"`npm ci` in {Directory} failed (it needs Node.js 20+, npm and a reachable npm registry):\n{run}");
            }
        }
        finally
        {
            s_installLock.Release();
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith("ISSUER ", StringComparison.Ordinal))
        {
            _issuer.TrySetResult(line["ISSUER ".Length..].Trim());
        }
    }
}
