using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>
/// Starts the <see cref="SearchIndexProvider"/> (opening the cache, reading it into memory, building the Sigma client
/// behind it) off the start path. In <see cref="SearchIndexStartMode.AfterInitialize"/> mode that waits until the first
/// <c>initialize</c> is answered, so spawn → initialize pays for none of it, and the index is loaded (from the cache
/// alone) by the time the client's first call arrives.
/// </summary>
internal sealed class SearchIndexStart : IHostedService, IDisposable
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
            await provider.StartAsync(_stopping.Token);
            return provider;
        }));
    }

    /// <summary>A message filter that starts the index once an <c>initialize</c> request has been handled.</summary>
    public static McpMessageFilter AfterInitializeFilter { get; } = next => async (context, cancellationToken) =>
    {
        await next(context, cancellationToken);
        if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.Initialize })
        {
            context.Server.Services?.GetService<SearchIndexStart>()?.Start();
        }
    };

    /// <summary>Starts loading the index unless that has begun already.</summary>
    public void Start() => _ = _started.Value;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_mode.IsAfterInitialize)
        {
            Start();
        }

        return Task.CompletedTask;
    }

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
