using System.Net;
using System.Net.Sockets;

namespace Sigma.Sandbox.Http;

/// <summary>
/// The <see cref="HttpListener"/> on 127.0.0.1 and an ephemeral port. Each request runs on its own task; disposal
/// stops accepting, cancels requests still waiting (latency, delays) and waits briefly for the rest to finish.
/// </summary>
internal sealed class SandboxServer : IAsyncDisposable
{
    private const int MaxBindAttempts = 20;
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(5);
    private readonly HttpListener _listener;
    private readonly RequestPipeline _pipeline;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _acceptLoop;
    private int _active;
    private int _disposed;

    private SandboxServer(HttpListener listener, Uri baseUrl, RequestPipeline pipeline)
    {
        _listener = listener;
        _pipeline = pipeline;
        BaseUrl = baseUrl;
        _stoppingToken = _stopping.Token;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUrl { get; }

    public static SandboxServer Start(RequestPipeline pipeline)
    {
        for (int attempt = 1; ; attempt++)
        {
            int port = FindFreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new SandboxServer(listener, new Uri($"http://127.0.0.1:{port}"), pipeline);
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

        await _stopping.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        if (Volatile.Read(ref _active) == 0)
        {
            _drained.TrySetResult();
        }

        try
        {
            await _drained.Task.WaitAsync(s_drainTimeout);
        }
        catch (TimeoutException)
        {
            // A handler ignored cancellation; closing the listener below aborts its connection anyway.
        }

        _listener.Close();
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
        while (!_stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                // A client vanished during the handshake; keep serving the others.
                continue;
            }

            Interlocked.Increment(ref _active);
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
            if (Interlocked.Decrement(ref _active) == 0 && _stoppingToken.IsCancellationRequested)
            {
                _drained.TrySetResult();
            }
        }
    }
}
