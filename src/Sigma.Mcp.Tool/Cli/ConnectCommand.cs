using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Connect;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Cli;

/// <summary>
/// <c>sigma-mcp connect URL</c>: a stdio MCP server that relays everything to a remote Streamable HTTP MCP server
/// (a team's <c>serve --http</c>), for clients that only start local servers. With <c>--login</c>: log in to that
/// server in the browser (OAuth), once, in a terminal.
/// </summary>
internal static class ConnectCommand
{
    public static Command Create(GlobalOptions options)
    {
        var url = new Argument<string>("url") { Description = "The remote MCP server's address, e.g. https://mcp.example.com/mcp" };
        var tokenFile = new Option<string?>("--token-file")
        {
            Description = $"Read the bearer token from this file [or env: {ConnectSettings.TokenVariable}]. Without a token, connect logs in with OAuth when the server asks",
            HelpName = "path",
        };
        var login = new Option<bool>("--login") { Description = "Log in to the server in your browser (OAuth) and save the login for later runs; run it in a terminal" };
        var noBrowser = new Option<bool>("--no-browser") { Description = "With --login: print the login address instead of opening a browser" };

        // A token on the command line would show in process lists and shell history: refused with the way to do it.
        var token = new Option<string?>("--token") { Hidden = true };

        var command = new Command("connect", "Relay stdio to a remote MCP server over Streamable HTTP (for Claude Desktop and other clients that only start local servers)")
        {
            url, tokenFile, login, noBrowser, token,
        };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetResult(token) is { Implicit: false })
            {
                throw new ConfigurationException("--token", $"A token is never passed on the command line (others could read it there). Set {ConnectSettings.TokenVariable} in the environment, or use --token-file PATH.");
            }

            var configuration = SettingsConfiguration.Build(options.ToSources(parseResult));
            var settings = ConnectSettings.Parse(parseResult.GetValue(url)!, parseResult.GetValue(tokenFile), configuration);
            if (parseResult.GetValue(login))
            {
                using var loggerFactory = LoggerFactory.Create(logging => logging.AddStderrConsole(LogLevel.Warning));
                return await ConnectLogin.RunAsync(settings, !parseResult.GetValue(noBrowser), Console.Error, loggerFactory, cancellationToken);
            }

            if (parseResult.GetResult(noBrowser) is { Implicit: false })
            {
                throw new ConfigurationException("--no-browser", "--no-browser applies only to connect --login.");
            }

            using var host = ConnectHost.Build(settings);
            await host.RunAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }
}
