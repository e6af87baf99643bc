using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Recorded;

/// <summary>
/// The real MCP server (the graph <c>serve</c> runs, LiteDB cache in a temp folder) reading a recorded tenant over
/// HTTP, with the SDK's client on in-memory pipes. Every log line lands in <see cref="Logs"/>.
/// </summary>
internal sealed class RecordedServer : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly TempDirectory _directory = new();
    private IHost? _host;

    private RecordedServer(RecordedSigma sigma) => Sigma = sigma;

    public RecordedSigma Sigma { get; }

    public McpClient Client { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _host!.Services;

    public static async Task<RecordedServer> StartAsync(RecordedSigma sigma, CancellationToken cancellationToken)
    {
        var server = new RecordedServer(sigma);
        try
        {
            var settings = SettingsLoader.Validate(
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
            var builder = ToolHost.CreateBuilder(new ToolSettings { Sigma = ToolServices.FastRetries(settings.Sigma), Cache = settings.Cache, LogLevel = settings.LogLevel });
            builder.Logging.AddProvider(server.Logs);
            builder.Services.AddSigmaMcpServer()
                .WithStreamServerTransport(server._clientToServer.Reader.AsStream(), server._serverToClient.Writer.AsStream());
            server._host = builder.Build();
            await server._host.StartAsync(cancellationToken);
            server.Client = await McpClient.CreateAsync(
                new StreamClientTransport(serverInput: server._clientToServer.Writer.AsStream(), serverOutput: server._serverToClient.Reader.AsStream()),
                cancellationToken: cancellationToken);
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
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        await _clientToServer.Writer.CompleteAsync();
        await _serverToClient.Writer.CompleteAsync();
        if (_host is not null)
        {
            using var stopping = new CancellationTokenSource(TestTimeouts.Default);
            await _host.StopAsync(stopping.Token);
            _host.Dispose();
        }

        Logs.Dispose();
        _directory.Dispose();
    }
}
