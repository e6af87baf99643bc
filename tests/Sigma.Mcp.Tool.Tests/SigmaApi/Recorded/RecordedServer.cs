using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Recorded;

/// <summary>
/// The real MCP server (the graph <c>serve</c> runs, LiteDB cache in a temp folder) reading a recorded tenant over
/// HTTP, with the SDK's client on in-memory pipes. Every log line lands in <see cref="Logs"/>.
/// </summary>
internal sealed class RecordedServer : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private PipedMcpHost? _piped;

    private readonly bool _ownsSigma;

    private RecordedServer(RecordedSigma sigma, bool ownsSigma)
    {
        Sigma = sigma;
        _ownsSigma = ownsSigma;
    }

    public RecordedSigma Sigma { get; }

    public McpClient Client => _piped!.Client;

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _piped!.Services;

    /// <summary>Starts the server; with <paramref name="ownsSigma"/> the replay is disposed with it.</summary>
    public static async Task<RecordedServer> StartAsync(RecordedSigma sigma, CancellationToken cancellationToken, bool ownsSigma = false)
    {
        var server = new RecordedServer(sigma, ownsSigma);
        try
        {
            var settings = TestConfiguration.Load(
                new Dictionary<string, string>
                {
                    ["SIGMA_BASE_URL"] = sigma.BaseUrl.ToString(),
                    ["SIGMA_CLIENT_ID"] = "recorded-client",
                    ["SIGMA_CLIENT_SECRET"] = "recorded-secret",
                    ["SIGMA_MCP_CACHE_PATH"] = server._directory.File("cache.db"),
                },
                requireCredentials: true,
                isSandbox: false,
                LogLevel.Trace);
            var builder = ToolHost.CreateBuilder(settings with { Sigma = ToolServices.FastRetries(settings.Sigma) });
            builder.Logging.AddProvider(server.Logs);
            server._piped = await PipedMcpHost.StartAsync(builder, clientOptions: null, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_piped is not null)
        {
            await _piped.DisposeAsync();
        }

        Logs.Dispose();
        _directory.Dispose();
        if (_ownsSigma)
        {
            await Sigma.DisposeAsync();
        }
    }
}
