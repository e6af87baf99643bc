using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Turns the failures a user or model can act on into tool errors that say what happened and what to do next: Sigma's
/// errors (with their hint), an unusable cache, and a call that ran too long. These are expected, so they are logged at
/// Information (Sigma's 5xx and timeouts at Warning) without a stack trace. Bugs stay exceptions: the SDK logs them at
/// Error with their stack trace and hides their messages.
/// </summary>
internal static partial class ToolErrorFilter
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create() => next => async (context, cancellationToken) =>
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var logger = (context.Services?.GetService(typeof(ILoggerFactory)) as ILoggerFactory)?.CreateLogger(typeof(ToolErrorFilter).FullName!)
            ?? NullLogger.Instance;
        var tool = context.Params?.Name ?? "?";
        try
        {
            return await next(context, timeout.Token);
        }
        catch (McpException ex) when (ex is not McpProtocolException)
        {
            // A tool's own "cannot do that, here is why" (bad argument, no SQL for a text element...).
            LogExpected(logger, tool, ex.Message);
            return Error(ex.Message);
        }
        catch (SigmaApiException ex)
        {
            if (ex.Status is null or >= System.Net.HttpStatusCode.InternalServerError)
            {
                LogSigmaTrouble(logger, tool, ex.Message);
            }
            else
            {
                LogExpected(logger, tool, ex.Message);
            }

            return Error(ex.Message);
        }
        catch (ConfigurationException ex)
        {
            // e.g. the credentials secret could not be read: the message names the setting and the fix.
            LogSigmaTrouble(logger, tool, ex.Message);
            return Error(ex.Message);
        }
        catch (CacheUnavailableException ex)
        {
            LogSigmaTrouble(logger, tool, ex.Message);
            return Error($"{ex.Message} Call heartbeat to check the setup.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogSigmaTrouble(logger, tool, $"stopped after {Timeout.TotalMinutes:0} minutes");
            return Error($"'{context.Params?.Name}' took longer than {Timeout.TotalMinutes:0} minutes and was stopped. Narrow the request (fewer rows, a filter) and retry.");
        }
    };

    private static CallToolResult Error(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };

    [LoggerMessage(Level = LogLevel.Information, Message = "Tool {Tool} answered with an error for the caller to act on: {Reason}")]
    private static partial void LogExpected(ILogger logger, string tool, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tool {Tool} failed: {Reason}")]
    private static partial void LogSigmaTrouble(ILogger logger, string tool, string reason);
}
