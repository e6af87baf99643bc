using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Diagnostics;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Cli;

/// <summary><c>sigma-mcp heartbeat</c>: the heartbeat tool's check, from a terminal or a script.</summary>
internal static class HeartbeatCommand
{
    public static Command Create(GlobalOptions options)
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on stdout (the heartbeat tool's result)" };
        var command = new Command("heartbeat", "Check credentials, Sigma connectivity and cache state; exit 0 when healthy, 1 when not") { json };
        command.SetGuardedAction(async (parseResult, cancellationToken) =>
        {
            await using var environment = await CommandEnvironment.CreateAsync(parseResult, options, requireCredentials: true, LogLevel.Warning, cancellationToken);
            using var host = ToolHost.CreateBuilder(environment.Settings).Build();
            var report = await host.Services.GetRequiredService<HeartbeatService>().CheckAsync(cancellationToken);

            Console.WriteLine(parseResult.GetValue(json)
                ? JsonSerializer.Serialize(report, ToolJson.Indented.GetTypeInfo(typeof(HeartbeatReport)))
                : Render(report));
            return report.IsHealthy ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    internal static string Render(HeartbeatReport report)
    {
        var api = report.SigmaApi;
        var cache = report.DocumentCache;
        var lines = new List<string> { $"sigma-mcp heartbeat: {report.Status}" };
        lines.Add(api.Connected
            ? $"  Sigma API  connected to {api.BaseUrl} in {api.ResponseTimeMs} ms as {api.UserInfo?.Email ?? api.UserInfo?.UserId} (organization {api.OrganizationId})"
            : $"  Sigma API  not connected to {api.BaseUrl}");
        lines.Add($"  Cache      {cache.Backend} at {cache.Location} ({cache.State.Replace('_', ' ')}; last updated {cache.LastUpdated})");
        lines.Add($"  Server     {report.ServerInfo.Name} {report.ServerInfo.Version} on {report.ServerInfo.Runtime} ({report.ServerInfo.Environment})");
        if (report.Error is not null)
        {
            lines.Add($"  Error      {report.Error}");
        }

        if (report.NextStep is not null)
        {
            lines.Add($"  Next step  {report.NextStep}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
