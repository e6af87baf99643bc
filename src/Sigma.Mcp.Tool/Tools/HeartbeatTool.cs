using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Diagnostics;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>The <c>heartbeat</c> tool: the original server's name, arguments (none) and result shape.</summary>
[McpServerToolType]
internal sealed class HeartbeatTool(HeartbeatService heartbeat)
{
    [McpServerTool(Name = ToolNames.Heartbeat, Title = "Check the Sigma connection",
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

        // Structured content keeps the original server's JSON shape; the text is a few lines for people and models.
        return ToolResult.Create(report, ToolJsonContext.Default.HeartbeatReport, Render(report));
    }

    private static string Render(HeartbeatReport report)
    {
        var api = report.SigmaApi;
        var cache = report.DocumentCache;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Status: {report.Status}");
        text.Append(api.Connected
            ? string.Create(CultureInfo.InvariantCulture, $"\nSigma: connected to {api.BaseUrl} in {api.ResponseTimeMs} ms as {api.UserInfo?.Email ?? api.UserInfo?.UserId}")
            : $"\nSigma: not connected to {api.BaseUrl}");
        text.Append(CultureInfo.InvariantCulture,
            $"\nCache: {cache.State}, {Counted.Of(cache.WorkbooksCount, "workbook")}, {Counted.Of(cache.DataModelsCount, "data model")}, {Counted.Of(cache.DatasetsCount, "dataset")}, {Counted.Of(cache.ElementsCount, "element")} (updated {cache.LastUpdated})");
        if (report.Error is not null)
        {
            text.Append("\nError: ").Append(report.Error);
        }

        if (report.NextStep is not null)
        {
            text.Append("\nNext step: ").Append(report.NextStep);
        }

        return text.ToString();
    }
}
