using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Turns the failures a user or model can act on into tool errors that say what happened and what to do next: Sigma's
/// errors (with their hint), an unusable cache, and a call that ran too long. Bugs stay exceptions; the SDK hides their
/// messages.
/// </summary>
internal static class ToolErrorFilter
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create() => next => async (context, cancellationToken) =>
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await next(context, timeout.Token);
        }
        catch (SigmaApiException ex)
        {
            return Error(ex.Message);
        }
        catch (ConfigurationException ex)
        {
            // e.g. the credentials secret could not be read: the message names the setting and the fix.
            return Error(ex.Message);
        }
        catch (CacheUnavailableException ex)
        {
            return Error($"{ex.Message} Call heartbeat to check the setup.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Error($"'{context.Params?.Name}' took longer than {Timeout.TotalMinutes:0} minutes and was stopped. Narrow the request (fewer rows, a filter) and retry.");
        }
    };

    private static CallToolResult Error(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };
}
