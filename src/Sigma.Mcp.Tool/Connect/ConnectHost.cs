using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// The host of <c>sigma-mcp connect URL</c>: the relay on stdio, with the same shutdown as <c>serve</c>
/// (<see cref="DrainingInputStream"/>, <see cref="StdioServerLifetime"/>): on stdin EOF or SIGTERM, requests already
/// read are answered first (up to <see cref="ConnectSettings.DrainTimeout"/>), the rest cancelled on the server; a
/// second signal stops at once. Nothing but JSON-RPC is written to stdout.
/// </summary>
internal static class ConnectHost
{
    public static IHost Build(ConnectSettings settings, Stream? input = null, Stream? output = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.AddStderrConsole(settings.LogLevel);

        var inFlight = new InFlightRequests();
        var drainingInput = new DrainingInputStream(input ?? Console.OpenStandardInput(), inFlight, settings.DrainTimeout);
        var observedOutput = new ObservedOutputStream(output ?? Console.OpenStandardOutput(), inFlight);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(inFlight);
        builder.Services.AddSingleton(drainingInput);
        builder.Services.AddSingleton<IHostLifetime, StdioServerLifetime>();
        builder.Services.AddHostedService(services => new RelayService(
            settings,
            new StreamServerTransport(drainingInput, observedOutput, "sigma-mcp connect", services.GetRequiredService<ILoggerFactory>()),
            services.GetRequiredService<ILoggerFactory>(),
            services.GetRequiredService<IHostApplicationLifetime>()));
        return builder.Build();
    }

    /// <summary>Runs the relay until the client's input ends, then stops the host (and so the process).</summary>
    private sealed class RelayService(ConnectSettings settings, StreamServerTransport downstream, ILoggerFactory loggerFactory, IHostApplicationLifetime lifetime)
        : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            try
            {
                var oauth = settings.Token is null ? ConnectOAuth.ForRelay(settings, new LoginStore(settings.LoginDirectory, settings.Endpoint)) : null;
                await new ConnectRelay(downstream, settings, oauth, loggerFactory).RunAsync(stoppingToken);
            }
            finally
            {
                await downstream.DisposeAsync();
                lifetime.StopApplication();
            }
        }
    }
}
