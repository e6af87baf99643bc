using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Sigma.Sandbox.Http;

/// <summary>
/// The <see cref="HttpListener"/> on loopback and an ephemeral port. Each request runs on its own task. Disposal
/// silences the connections of requests in flight before stopping the listener (whose own close would otherwise send
/// them an empty 200), so pending requests fail as a dropped connection.
/// </summary>
internal sealed class SandboxServer : IAsyncDisposable
{
    private const int MaxBindAttempts = 20;
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(5);
    private readonly HttpListener _listener;
    private readonly RequestPipeline _pipeline;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private readonly ConcurrentDictionary<HttpListenerContext, byte> _inFlight = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _acceptLoop;
    private volatile bool _closing;
    private int _disposed;

    private SandboxServer(HttpListener listener, Uri baseUrl, RequestPipeline pipeline)
    {
        _listener = listener;
        _pipeline = pipeline;
        _stoppingToken = _stopping.Token;
        BaseUrl = baseUrl;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUrl { get; }

    public static SandboxServer Start(RequestPipeline pipeline)
    {
        // http.sys (Windows) only lets non-admins register "localhost", which it serves on loopback alone; the managed
        // listener elsewhere binds exactly the address given.
        string host = OperatingSystem.IsWindows() ? "localhost" : "127.0.0.1";
        for (int attempt = 1; ; attempt++)
        {
            int port = FindFreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://{host}:{port}/");
            try
            {
                listener.Start();
                return new SandboxServer(listener, new Uri($"http://{host}:{port}"), pipeline);
            }
            catch (HttpListenerException) when (attempt < MaxBindAttempts)
            {
                // Another process took the port between probing and binding: try another one.
                listener.Close();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _closing = true;
        foreach (HttpListenerContext context in _inFlight.Keys)
        {
            ConnectionDropper.Silence(context);
        }

        _listener.Stop();
        await _stopping.CancelAsync();
        await _acceptLoop;
        if (_inFlight.IsEmpty)
        {
            _drained.TrySetResult();
        }

        try
        {
            await _drained.Task.WaitAsync(s_drainTimeout);
        }
        catch (TimeoutException)
        {
            // A handler ignored cancellation; its connection is already closed, so it can only fail.
        }

        // Not Close(): after Stop() the managed listener would unregister its prefix a second time, and re-binds the
        // port to do so, failing with "Address already in use" when another process has taken it meanwhile. Abort()
        // of a stopped listener only marks it closed.
        _listener.Abort();
        _stopping.Dispose();
    }

    private static int FindFreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_closing)
            {
                return;
            }
            catch (HttpListenerException)
            {
                // A client vanished during the handshake; keep serving the others.
                continue;
            }

            if (_closing)
            {
                ConnectionDropper.Drop(context);
                continue;
            }

            _inFlight[context] = 0;
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            await _pipeline.HandleAsync(context, _stoppingToken);
        }
        finally
        {
            _inFlight.TryRemove(context, out _);
            if (_closing && _inFlight.IsEmpty)
            {
                _drained.TrySetResult();
            }
        }
    }
}
