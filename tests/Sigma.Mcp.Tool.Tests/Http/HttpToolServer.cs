using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// The built tool running <c>serve --http</c> as a child process, on a loopback port the OS picks (<c>--urls
/// http://127.0.0.1:0</c>; the server logs the address it got, which this reads, so there is no free-port race).
/// Disposing stops it with SIGTERM, as an orchestrator would.
/// </summary>
internal sealed partial class HttpToolServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HttpToolServer(Process process) => _process = process;

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Uri McpEndpoint => new(BaseAddress, "mcp");

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the server wrote to stderr so far.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>sigma-mcp serve --http --urls http://127.0.0.1:0 <paramref name="arguments"/></c> in
    /// <paramref name="workingDirectory"/> with <paramref name="settings"/> as its environment (see
    /// <see cref="ToolProcess.StartInfo"/>), and waits until it listens.
    /// </summary>
    public static Task<HttpToolServer> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string?> settings, params string[] arguments) =>
        StartOnAsync("http://127.0.0.1:0", workingDirectory, settings, arguments);

    /// <summary>As <see cref="StartAsync"/>, listening on <paramref name="url"/> (for a server that must know its public URL before it starts).</summary>
    public static async Task<HttpToolServer> StartOnAsync(string url, string workingDirectory, IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        var info = ToolProcess.StartInfo(workingDirectory, settings, ["serve", "--http", "--urls", url, .. arguments]);
        var server = new HttpToolServer(new Process { StartInfo = info, EnableRaisingEvents = true });
        server._process.ErrorDataReceived += (_, e) => server.OnStderr(e.Data);
        server._process.OutputDataReceived += (_, _) => { };
        server._process.Exited += (_, _) => server._listening.TrySetException(
            new InvalidOperationException($"sigma-mcp serve --http exited before listening.\n--- stderr\n{server.Stderr}"));
        server._process.Start();
        server._process.BeginErrorReadLine();
        server._process.BeginOutputReadLine();
        try
        {
            server.BaseAddress = await server._listening.Task.WaitAsync(TestTimeouts.Default);
        }
        catch (TimeoutException)
        {
            await server.DisposeAsync();
            throw new TimeoutException($"sigma-mcp serve --http did not listen within {TestTimeouts.Default}.\n--- stderr\n{server.Stderr}");
        }
        catch
        {
            // It exited before listening: release the process, so a caller that tries again leaks nothing.
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>An <see cref="HttpClient"/> for the server that sends <paramref name="token"/> as its bearer token.</summary>
    public HttpClient CreateHttpClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TestTimeouts.Default };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>The SDK's MCP client over Streamable HTTP, with <paramref name="token"/> as its bearer token.</summary>
    public async Task<McpClient> ConnectAsync(string? token, string? protocolVersion = null)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = McpEndpoint, TransportMode = HttpTransportMode.StreamableHttp, Name = "sigma-mcp-http" },
            CreateHttpClient(token),
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocolVersion }, cancellationToken: TestTimeouts.Token());
    }

    /// <summary>Sends SIGTERM and waits for the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync(TestTimeouts.Token());
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await StopAsync();
            }
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void OnStderr(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_stderr)
        {
            _stderr.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    [GeneratedRegex(@"listening on (http://[^/\s]+)/mcp")]
    private static partial Regex ListeningLine();
}
