using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Server;

/// <summary>
/// Starts the <see cref="SearchIndexProvider"/> (opening the cache, reading it into memory, building the Sigma client
/// behind it) off the start path. In <see cref="SearchIndexStartMode.AfterInitialize"/> mode that waits until the
/// handshake is answered, so spawn → initialize pays for none of it, and the index is loaded (from the cache alone) by
/// the time the client's first call arrives; then <see cref="FirstCallWarmUp"/> readies the first calls.
/// </summary>
internal sealed class SearchIndexStart : IHostedLifecycleService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lazy<Task<SearchIndexProvider>> _started;
    private readonly SearchIndexStartMode _mode;

    public SearchIndexStart(IServiceProvider services, SearchIndexStartMode mode)
    {
        _mode = mode;
        _started = new(() => Task.Run(async () =>
        {
            var provider = services.GetRequiredService<SearchIndexProvider>();
            _ = Task.Run(() => FirstCallWarmUp.RunAsync(services, provider, _stopping.Token));
            await provider.StartAsync(_stopping.Token);
            return provider;
        }));
    }

    /// <summary>
    /// A message filter that starts the index once the handshake (<c>initialize</c>, or <c>server/discover</c> in the
    /// 2026-07-28 protocol, which has no initialize) has been answered, or before any other message is handled.
    /// </summary>
    public static McpMessageFilter AfterInitializeFilter { get; } = next => async (context, cancellationToken) =>
    {
        var start = context.Server.Services?.GetService<SearchIndexStart>();
        var handshake = context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.Initialize or RequestMethods.ServerDiscover };
        if (!handshake)
        {
            start?.Start();
        }

        await next(context, cancellationToken);
        if (handshake)
        {
            start?.Start();
        }
    };

    /// <summary>Starts loading the index unless that has begun already.</summary>
    public void Start() => _ = _started.Value;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// With the host: once every service has started (over HTTP, once Kestrel listens), so that the first request is
    /// not kept waiting for the cores the load and its warm-up take; the readiness check waits for the index itself.
    /// </summary>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!_mode.IsAfterInitialize)
        {
            Start();
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_started.IsValueCreated)
        {
            var provider = await _started.Value;
            await provider.StopAsync(cancellationToken);
        }
    }

    public void Dispose() => _stopping.Dispose();
}
