using System.Net;
using System.Net.Sockets;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// A Sigma API host that fails in one of the ways a new user meets: a name that does not resolve, a refused port, a
/// host that accepts connections and never answers, an HTML page instead of JSON, TLS to a plain-HTTP port.
/// <see cref="BaseUrl"/> is what SIGMA_BASE_URL is set to.
/// </summary>
internal sealed class UnreachableSigma : IAsyncDisposable
{
    /// <summary>A name under <c>.invalid</c>, which never resolves (RFC 2606).</summary>
    public const string UnresolvableHost = "sigma-mcp-test.invalid";

    private readonly TcpListener? _silent;
    private readonly List<Socket> _held = [];
    private readonly Task? _accepting;
    private readonly SigmaSandbox? _sandbox;

    private UnreachableSigma(string kind, Uri baseUrl, TcpListener? silent = null, SigmaSandbox? sandbox = null)
    {
        Kind = kind;
        BaseUrl = baseUrl;
        _silent = silent;
        _sandbox = sandbox;
        if (silent is not null)
        {
            _accepting = HoldConnectionsAsync(silent);
        }
    }

    /// <summary>The failure kind the product should report: dns, connection_refused, timeout, not_json or tls.</summary>
    public string Kind { get; }

    public Uri BaseUrl { get; }

    /// <summary>How the message names the host: <c>host</c> or <c>host:port</c>.</summary>
    public string HostName => BaseUrl.IsDefaultPort ? BaseUrl.Host : BaseUrl.Authority;

    public static async Task<UnreachableSigma> StartAsync(string kind)
    {
        switch (kind)
        {
            case "dns":
                return new(kind, new Uri($"https://{UnresolvableHost}"));
            case "connection_refused":
                // A port the OS just handed out and that nothing listens on any more.
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                return new(kind, new Uri($"http://127.0.0.1:{port}"));
            case "timeout":
                var silent = new TcpListener(IPAddress.Loopback, 0);
                silent.Start();
                return new(kind, new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}"), silent);
            case "not_json":
                var throttled = await SigmaSandbox.StartAsync();
                throttled.Faults.FailEveryNth(1, SandboxFault.WebPage(200));
                return new(kind, throttled.BaseUrl, sandbox: throttled);
            case "tls":
                var plain = await SigmaSandbox.StartAsync();
                return new(kind, new UriBuilder(plain.BaseUrl) { Scheme = "https" }.Uri, sandbox: plain);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown failure kind.");
        }
    }

    /// <summary>Settings that point the tool at this host, with credentials that are not what fails.</summary>
    public Dictionary<string, string?> Settings(string cachePath) => new()
    {
        ["SIGMA_BASE_URL"] = BaseUrl.ToString(),
        ["SIGMA_CLIENT_ID"] = _sandbox?.ClientId ?? "client-id",
        ["SIGMA_CLIENT_SECRET"] = _sandbox?.ClientSecret ?? "client-secret",
        ["SIGMA_MCP_CACHE_PATH"] = cachePath,
    };

    public async ValueTask DisposeAsync()
    {
        _silent?.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        lock (_held)
        {
            _held.ForEach(s => s.Dispose());
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    private async Task HoldConnectionsAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync();
                lock (_held)
                {
                    _held.Add(socket); // never read, never answered, never closed until the test ends
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The listener was stopped.
        }
    }
}
