using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Server;

/// <summary>The host of <c>sigma-mcp serve</c>: the MCP server on stdio, with graceful drain on EOF and on signals.</summary>
internal static class ServeHost
{
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(30);

    public static IHost Build(ToolSettings settings, Stream? input = null, Stream? output = null)
    {
        var builder = ToolHost.CreateBuilder(settings);
        var inFlight = new InFlightRequests();
        if (input is null)
        {
            ReserveWorkerForStdin();
        }

        var drainingInput = new DrainingInputStream(input ?? Console.OpenStandardInput(), inFlight, s_drainTimeout);
        builder.Services.AddSingleton(inFlight);
        builder.Services.AddSingleton(drainingInput);
        builder.Services.AddSingleton<IHostLifetime, StdioServerLifetime>();
        builder.Services.AddSingleton(SearchIndexStartMode.AfterInitialize);

        var observedOutput = new ObservedOutputStream(output ?? Console.OpenStandardOutput(), inFlight);
        builder.Services.AddSingleton(new TransportWarmUp(drainingInput, observedOutput, inFlight));

        builder.Services.AddSigmaMcpServer()
            .WithStreamServerTransport(drainingInput, observedOutput);

        return builder.Build();
    }

    // The console's stdin has no asynchronous read on Unix: the transport's read holds a pool worker for the whole
    // session. With the pool's minimum of one worker per core, a 2-core machine had one left when the index load and its
    // warm-up start (right after initialize), and the client's tools/list, sent at that moment, waited for the pool to
    // grow: 30-130 ms, against ~15 ms with four workers from the start. Only here: over HTTP (no stdin) the same
    // minimum made the first /mcp answer slower, the background work then taking the cores from it.
    private static void ReserveWorkerForStdin()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 4), completionPorts);
    }
}
