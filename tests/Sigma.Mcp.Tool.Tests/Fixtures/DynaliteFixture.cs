using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// dynalite (DynamoDB in memory, from <c>tests/node/node_modules</c>) on 127.0.0.1 and a port of its own choosing,
/// one per test class (xunit class fixture). Tests share it by using table names of their own (<see cref="NewTableName"/>).
/// A missing Node.js or package fails with what to do, never skips.
/// </summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    // Listens on port 0, so the OS picks a free port with no race (dynalite's cli.js turns --port 0 into 4567), and
    // prints it. Exits when stdin closes, so that a test run that dies leaves no dynalite behind.
    private const string Script = """
        const server = require(process.argv[1])({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
        server.listen(0, '127.0.0.1', () => console.log('dynalite-port ' + server.address().port));
        process.on('uncaughtException', (e) => { console.error('dynalite crashed: ' + (e && e.stack || e)); process.exit(70); });
        for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => { console.error('dynalite got ' + signal); process.exit(71); });
        process.stdin.on('end', () => { console.error('dynalite: stdin ended'); process.exit(0); });
        process.stdin.resume();
        """;

    private readonly StringBuilder _stderr = new();
    private Process? _process;

    /// <summary>Dummy keys: dynalite checks that requests are signed, not by whom.</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("dynalite", "dynalite");

    /// <summary>Where dynalite listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await NodeTooling.EnsureInstalledAsync();
        var package = Path.Combine(NodeTooling.NodeDirectory, "node_modules", "dynalite");
        if (!File.Exists(Path.Combine(package, "package.json")))
        {
            throw new InvalidOperationException(
                $"dynalite is not installed in {package}. Run `npm ci` in tests/node (its package.json pins dynalite 4.0.0), with Node.js 20+.");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeTooling.NodeDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-e");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(package);
        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node for dynalite.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start node for dynalite ({e.Message}). Install Node.js 20+ so that `node` is on PATH.", e);
        }

        _process.ErrorDataReceived += (_, e) =>
        {
            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{await ReadPortAsync(_process)}");
    }

    public async Task DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        // dynalite dying mid-class shows in its tests only as "connection refused" (seen once in CI, not reproduced since):
        // its exit code and stderr, reported here as the class's cleanup failure, say why.
        var exitedEarly = _process.HasExited;
        if (!exitedEarly)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        var exitCode = _process.ExitCode;
        _process.Dispose();
        if (exitedEarly)
        {
            string stderr;
            lock (_stderr)
            {
                stderr = _stderr.ToString();
            }

            throw new InvalidOperationException($"dynalite exited while the tests used it (exit code {exitCode}). Its stderr:\n{stderr}");
        }
    }

    /// <summary>A table name no other test uses (dynalite allows 3–255 of <c>[A-Za-z0-9_.-]</c>).</summary>
    public static string NewTableName(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Client settings for dynalite: its endpoint, a signing region, and few retries so that failures are fast.</summary>
    public AmazonDynamoDBConfig CreateConfig() => new()
    {
        ServiceURL = Endpoint.ToString(),
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 1,
    };

    public AmazonDynamoDBClient CreateClient() => new(Credentials, CreateConfig());

    private async Task<int> ReadPortAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("dynalite-port ", StringComparison.Ordinal))
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep the pipe from filling up
                    return int.Parse(line.AsSpan("dynalite-port ".Length), NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None);
        string stderr;
        lock (_stderr)
        {
            stderr = _stderr.ToString();
        }

        throw new InvalidOperationException(
            $"dynalite did not start (exit code {process.ExitCode}). Run `npm ci` in tests/node and check that Node.js 20+ works. stderr:\n{stderr}");
    }
}
