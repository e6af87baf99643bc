using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// What every tool call passes before it runs, and what every result passes on its way out: the tool must be turned
/// on (<see cref="ToolSelection"/>), its arguments must match its input schema (<see cref="ArgumentCheck"/>), and the
/// result must fit the hard cap of <see cref="ResultBudget"/> (the tools cut to the budget themselves; this is the
/// net under them).
/// </summary>
internal static partial class ToolCallGate
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create() => next => async (context, cancellationToken) =>
    {
        var name = context.Params?.Name ?? "";
        var services = context.Services;
        if (services?.GetService<ToolSelection>()?.WhyDisabled(name) is { } why && ToolNames.All.Contains(name))
        {
            return ToolErrorFilter.Error(why);
        }

        if (context.MatchedPrimitive is McpServerTool tool && context.Params is { } call)
        {
            call.Arguments = ArgumentCheck.Normalize(name, tool.ProtocolTool.InputSchema, call.Arguments);
        }

        var result = await next(context, cancellationToken);
        var cost = ResultBudget.Cost(result);
        if (cost > ResultBudget.HardCapChars)
        {
            if (services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ToolCallGate)) is { } logger)
            {
                LogOverCap(logger, name, cost / 4);
            }

            return ToolErrorFilter.Error($"The result of {name} was too large to return (about {cost / 4:N0} tokens). Ask for less: a smaller limit, a narrower query, or one element at a time.");
        }

        return result;
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The result of {Tool} (about {Tokens} tokens) was over the hard cap and was replaced by an error")]
    private static partial void LogOverCap(ILogger logger, string tool, int tokens);
}
