using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Server;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// The real MCP server (<c>AddSigmaMcpServer()</c> on a host built from <c>ToolHost.CreateBuilder</c>, the graph
/// <c>serve</c> runs) started and wired to the SDK's <see cref="McpClient"/> over two in-memory pipes.
/// </summary>
internal sealed class PipedMcpHost : IAsyncDisposable
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private IHost? _host;

    private PipedMcpHost()
    {
    }

    public McpClient Client { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    /// <summary>Adds the MCP server to <paramref name="builder"/>, starts the host and connects a client to it.</summary>
    public static async Task<PipedMcpHost> StartAsync(HostApplicationBuilder builder, McpClientOptions? clientOptions, CancellationToken cancellationToken)
    {
        var piped = new PipedMcpHost();
        try
        {
            builder.Services.AddSigmaMcpServer()
                .WithStreamServerTransport(piped._clientToServer.Reader.AsStream(), piped._serverToClient.Writer.AsStream());
            piped._host = builder.Build();
            await piped._host.StartAsync(cancellationToken);
            piped.Client = await McpClient.CreateAsync(
                new StreamClientTransport(serverInput: piped._clientToServer.Writer.AsStream(), serverOutput: piped._serverToClient.Reader.AsStream()),
                clientOptions,
                cancellationToken: cancellationToken);
            return piped;
        }
        catch
        {
            await piped.DisposeAsync();
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
    }
}
