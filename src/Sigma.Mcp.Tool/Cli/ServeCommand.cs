using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Cli;

/// <summary><c>sigma-mcp serve</c>: the MCP server over stdio, the entry an MCP client's configuration names.</summary>
internal static class ServeCommand
{
    public static Command Create(GlobalOptions options)
    {
        var command = new Command("serve", "Run the MCP server over stdio (what Claude Desktop, VS Code or Cursor start). Logs go to stderr");
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.CreateAsync(parseResult, options, requireCredentials: true, LogLevel.Information, cancellationToken);
            using var host = ServeHost.Build(environment.Settings);

            // Shutdown is driven by stdin EOF or a signal through StdioServerLifetime, which lets in-flight calls finish.
            await host.RunAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        return command;
    }
}
