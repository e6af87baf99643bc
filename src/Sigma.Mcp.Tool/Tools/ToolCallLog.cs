using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// The one Information line per tool call that <c>serve</c> writes at the default level: which tool, how long, and
/// whether it failed (with the first line of the error, which names its cause). The SDK's own per-request lines are
/// Debug-only (see <c>AddStderrConsole</c>), so that the logs an MCP client keeps are not flooded.
/// </summary>
internal static partial class ToolCallLog
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create() => next => async (context, cancellationToken) =>
    {
        // The server's own warm-up calls (see TransportWarmUp) are not the client's, and not logged as calls.
        var logger = !TransportWarmUp.IsWarmUp(context.JsonRpcRequest?.Id.Id)
            && context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ToolCallLog).FullName!) is { } created
            && created.IsEnabled(LogLevel.Information) ? created : null;
        var started = Stopwatch.GetTimestamp();
        var name = context.Params?.Name ?? "?";
        try
        {
            var result = await next(context, cancellationToken);
            if (logger is not null)
            {
                var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (result.IsError == true)
                {
                    var error = FirstLine(result);
                    LogFailed(logger, name, elapsed, error);
                }
                else
                {
                    LogCompleted(logger, name, elapsed);
                }
            }

            return result;
        }
        catch (Exception ex) when (logger is not null && LogThrown(logger, name, started, ex))
        {
            throw; // never reached: the filter only logs
        }
    };

    private static bool LogThrown(ILogger logger, string name, long started, Exception exception)
    {
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var error = exception.Message.Split('\n')[0];
        LogFailed(logger, name, elapsed, error);
        return false;
    }

    private static string FirstLine(CallToolResult result) =>
        result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text.Split('\n')[0] ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Tool {Tool} completed in {ElapsedMs} ms")]
    private static partial void LogCompleted(ILogger logger, string tool, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tool {Tool} failed in {ElapsedMs} ms: {Error}")]
    private static partial void LogFailed(ILogger logger, string tool, long elapsedMs, string error);
}
