using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tools;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// The real MCP server (<c>ToolHost.CreateBuilder</c> + <c>AddSigmaMcpServer()</c>, the graph <c>serve</c> runs) over
/// in-memory pipes, with the SDK's <see cref="McpClient"/> on the other end. The host is started, so its hosted
/// services (the search index) run as in <c>serve</c>. It reads a sandbox and keeps its LiteDB cache in a temp folder.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly bool _ownsSandbox;
    private readonly ToolSwitches? _tools;
    private PipedMcpHost? _piped;

    private InProcessServer(SigmaSandbox sandbox, bool ownsSandbox, ToolSwitches? tools)
    {
        Sandbox = sandbox;
        _ownsSandbox = ownsSandbox;
        _tools = tools;
    }

    public McpClient Client => _piped!.Client;

    public SigmaSandbox Sandbox { get; }

    /// <summary>The server's services, once started.</summary>
    public IServiceProvider Services => _piped!.Services;

    /// <summary>The LiteDB file the server caches documents in.</summary>
    public string CachePath => _directory.File("cache.db");

    /// <summary>
    /// Starts the server against <paramref name="sandbox"/> (not disposed with the server) or, when null, a sandbox of
    /// its own. <paramref name="fillCache"/> calls <c>refresh_cache</c> once before returning, so search has documents;
    /// <paramref name="tools"/> replaces the default tool switches (every tool, the default result budget).
    /// </summary>
    public static async Task<InProcessServer> StartAsync(
        SigmaSandbox? sandbox = null, bool fillCache = false, McpClientOptions? clientOptions = null, ToolSwitches? tools = null, CancellationToken cancellationToken = default)
    {
        var server = new InProcessServer(sandbox ?? await SigmaSandbox.StartAsync(cancellationToken: cancellationToken), ownsSandbox: sandbox is null, tools);
        try
        {
            await server.StartAsync(clientOptions, cancellationToken);
            if (fillCache)
            {
                var refresh = await server.Client.CallToolAsync("refresh_cache", cancellationToken: cancellationToken);
                if (refresh.IsError == true)
                {
                    throw new InvalidOperationException($"refresh_cache failed while filling the cache: {Text(refresh)}");
                }
            }

            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>All text content blocks of a result, joined by new lines.</summary>
    public static string Text(CallToolResult result) => string.Join('\n', result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public async ValueTask DisposeAsync()
    {
        if (_piped is not null)
        {
            await _piped.DisposeAsync();
        }

        if (_ownsSandbox)
        {
            await Sandbox.DisposeAsync();
        }

        _directory.Dispose();
    }

    private async Task StartAsync(McpClientOptions? clientOptions, CancellationToken cancellationToken)
    {
        var settings = ToolServices.SettingsFor(Sandbox, cachePath: CachePath);
        if (_tools is not null)
        {
            settings = settings with { Tools = _tools };
        }

        _piped = await PipedMcpHost.StartAsync(ToolHost.CreateBuilder(settings), clientOptions, cancellationToken);
    }
}
