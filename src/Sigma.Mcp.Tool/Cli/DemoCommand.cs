using System.CommandLine;
using Sigma.Mcp.Tool.Demo;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Cli;

/// <summary><c>sigma-mcp demo</c>: the whole product end to end against the sandbox, with no account.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Walk through what an assistant does, against the built-in sandbox organization: starts 'serve', connects an MCP client, calls the tools");
        command.SetGuardedAction(async (_, cancellationToken) =>
            await new DemoRunner(Console.Out).RunAsync(cancellationToken) ? ExitCodes.Success : ExitCodes.Failure);
        return command;
    }
}
