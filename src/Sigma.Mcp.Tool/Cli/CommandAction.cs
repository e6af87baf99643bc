using System.CommandLine;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Cli;

/// <summary>Runs a command's action and turns a configuration problem into one line on stderr and exit code 2.</summary>
internal static class CommandAction
{
    public static void SetGuardedAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken);
            }
            catch (ConfigurationException ex)
            {
                await Console.Error.WriteLineAsync($"sigma-mcp: {GlobalOptions.Describe(ex, parseResult)}");
                return ExitCodes.Usage;
            }
        });
}
