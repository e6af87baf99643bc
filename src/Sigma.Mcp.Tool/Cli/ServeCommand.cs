using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Mcp.Tool.Http;
using Sigma.Mcp.Tool.Server;

namespace Sigma.Mcp.Tool.Cli;

/// <summary>
/// <c>sigma-mcp serve</c>: the MCP server over stdio, the entry an MCP client's configuration names; with
/// <c>--http</c>, the remote mode (Streamable HTTP at <c>/mcp</c>, see <see cref="HttpServer"/>).
/// </summary>
internal static class ServeCommand
{
    public static Command Create(GlobalOptions options)
    {
        var http = new Option<bool>("--http")
        {
            Description = "Serve MCP over Streamable HTTP at /mcp instead of stdio, for remote clients. Needs SIGMA_MCP_HTTP_TOKENS (bearer tokens, comma-separated)",
        };
        var urls = new Option<string?>("--urls")
        {
            Description = $"With --http: where to listen, ';'-separated [env: SIGMA_MCP_URLS; default: {HttpServerSettings.DefaultUrl}]",
            HelpName = "url",
        };
        var refreshInterval = new Option<string?>("--refresh-interval")
        {
            Description = "With --http: refresh the cache in the background this often, e.g. 15m [env: SIGMA_MCP_REFRESH_INTERVAL]",
            HelpName = "duration",
        };
        var allowUnauthenticated = new Option<bool>("--allow-unauthenticated")
        {
            Description = "With --http on a loopback address only: accept requests without a bearer token",
        };

        var switches = new ToolSwitchOptions();
        var command = new Command("serve", "Run the MCP server over stdio (what Claude Desktop, VS Code or Cursor start), or over HTTP with --http. Logs go to stderr")
        {
            http, urls, refreshInterval, allowUnauthenticated,
        };
        foreach (var option in switches.All)
        {
            command.Options.Add(option);
        }

        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            StartWarmUp.Start(); // begun already when serve came first on the command line (see CliApp)
            var toolSwitches = switches.ToCommandLine(parseResult);
            if (parseResult.GetValue(http))
            {
                // Checked before anything starts, so that an unsafe address is refused at once.
                var configuration = options.Configuration(parseResult, new Dictionary<string, string?>(toolSwitches)
                {
                    [SettingNames.HttpUrls] = parseResult.GetValue(urls),
                    [SettingNames.RefreshInterval] = parseResult.GetValue(refreshInterval),
                });
                var httpSettings = HttpServerSettings.Parse(configuration, parseResult.GetValue(allowUnauthenticated));
                await using var httpEnvironment = await CommandEnvironment.CreateAsync(parseResult, options, requireCredentials: true, LogLevel.Information, cancellationToken,
                    ToolSwitchOptions.ReadOnlyUnlessRefreshEnabled(configuration));
                return await HttpServer.RunAsync(httpEnvironment.Settings, httpSettings, cancellationToken);
            }

            foreach (var httpOnly in new Option[] { urls, refreshInterval, allowUnauthenticated })
            {
                if (parseResult.GetResult(httpOnly) is { Implicit: false })
                {
                    throw new ConfigurationException(httpOnly.Name, $"{httpOnly.Name} applies only to serve --http.");
                }
            }

            await using var environment = await CommandEnvironment.CreateAsync(parseResult, options, requireCredentials: true, LogLevel.Information, cancellationToken,
                options.Configuration(parseResult, toolSwitches));
            using var host = ServeHost.Build(environment.Settings);

            // Shutdown is driven by stdin EOF or a signal through StdioServerLifetime, which lets in-flight calls finish.
            await host.RunAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }
}
