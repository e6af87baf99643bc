using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Diagnostics;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>The <c>heartbeat</c> tool: the original server's name, arguments (none) and result shape.</summary>
[McpServerToolType]
internal sealed class HeartbeatTool(HeartbeatService heartbeat)
{
    [McpServerTool(Name = "heartbeat", Title = "Check the Sigma connection",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(HeartbeatReport))]
    [Description("""
        Checks that this server can reach Sigma with its credentials and reports the state of its document cache.
        Call it when another tool fails with a connection or authentication error, or when the user asks whether Sigma is reachable.
        Returns status 'healthy' or 'unhealthy'; when unhealthy, 'error' says what failed and 'next_step' what to do.
        """)]
    public async Task<CallToolResult> Heartbeat(CancellationToken cancellationToken)
    {
        var report = await heartbeat.CheckAsync(cancellationToken);
        return new CallToolResult
        {
            // The text is the original server's JSON, which its users' prompts read; structured content is the same object.
            Content = [new TextContentBlock { Text = JsonSerializer.Serialize(report, ToolJson.Indented.GetTypeInfo(typeof(HeartbeatReport))) }],
            StructuredContent = JsonSerializer.SerializeToElement(report, ToolJsonContext.Default.HeartbeatReport),
        };
    }
}
