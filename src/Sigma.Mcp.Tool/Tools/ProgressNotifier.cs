using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// What a tool's <c>IProgress</c> parameter gets: progress notifications for the request's progress token, or nothing
/// when the client sent none. Notifications are not awaited, as the SDK's own reporter does not await them.
/// </summary>
internal sealed class ProgressNotifier(McpServer? server, ProgressToken token) : IProgress<ProgressNotificationValue>
{
    public static IProgress<ProgressNotificationValue> None { get; } = new Progress<ProgressNotificationValue>();

    public void Report(ProgressNotificationValue value)
    {
        if (server is not null)
        {
            _ = server.NotifyProgressAsync(token, value);
        }
    }
}
