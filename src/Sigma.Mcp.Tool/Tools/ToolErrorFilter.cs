using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Turns the failures a user or model can act on into tool errors that say what happened and what to do next: Sigma's
/// errors (with their hint), an unusable cache, and a call that ran too long. Those are expected: logged at Information
/// (Sigma's 5xx, no answer, an unusable cache or setup at Warning), one line, no stack trace. Bugs are logged at Error
/// with their exception and the model reads what to do instead of their message.
/// </summary>
internal static partial class ToolErrorFilter
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create() => next => async (context, cancellationToken) =>
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var logger = TransportWarmUp.IsWarmUp(context.JsonRpcRequest?.Id.Id)
            ? NullLogger.Instance // the server's own warm-up call: a failure is the client's first call's to report
            : context.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ToolErrorFilter)) ?? NullLogger.Instance;
        var tool = context.Params?.Name ?? "?";
        try
        {
            return await next(context, timeout.Token);
        }
        catch (McpException ex) when (ex is not McpProtocolException)
        {
            // Argument errors and the tools' own messages: said as they are, without the SDK's "An error occurred invoking" prefix.
            LogExpected(logger, tool, ex.Message);
            return Error(ex.Message);
        }
        catch (SigmaApiException ex)
        {
            if (ex.Status is null or >= System.Net.HttpStatusCode.InternalServerError)
            {
                LogTrouble(logger, tool, ex.Message);
            logger.LogFailureDetail("Tool call failed", ex);
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
            LogTrouble(logger, tool, ex.Message);
            logger.LogFailureDetail("Tool call failed", ex);
            return Error(ex.Message);
        }
        catch (CacheUnavailableException ex)
        {
            LogTrouble(logger, tool, ex.Message);
            logger.LogFailureDetail("Tool call failed", ex);
            return Error($"{ex.Message} Call heartbeat to check the setup.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogTrouble(logger, tool, $"stopped after {Timeout.TotalMinutes:0} minutes");
            return Error($"'{context.Params?.Name}' took longer than {Timeout.TotalMinutes:0} minutes and was stopped. Narrow the request (fewer rows, a filter) and retry.");
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or McpProtocolException))
        {
            // A bug: its message may hold anything, so the model reads what to do instead, and the log gets the exception.
            LogUnexpected(logger, context.Params?.Name, ex);

            return Error($"{context.Params?.Name} failed unexpectedly (the server logged the details). Retry once; if it fails again, call heartbeat to check the setup, or try another tool.");
        }
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Tool {Tool} answered with an error for the caller to act on: {Reason}")]
    private static partial void LogExpected(ILogger logger, string tool, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tool {Tool} failed: {Reason}")]
    private static partial void LogTrouble(ILogger logger, string tool, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tool {Tool} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, string? tool, Exception exception);

    public static CallToolResult Error(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };
}
