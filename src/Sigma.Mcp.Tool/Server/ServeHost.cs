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
}
