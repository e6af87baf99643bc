using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Diagnostics;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Demo;

/// <summary>
/// <c>sigma-mcp demo</c>: starts the sandbox organization, then the real <c>serve</c> process over stdio, connects an MCP
/// client and does what an assistant would do, printing each request and a readable view of each result.
/// </summary>
internal sealed class DemoRunner(TextWriter output)
{
    private int _step;
    private int _failed;

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        await using var sandbox = await SigmaSandbox.StartAsync(cancellationToken: cancellationToken);
        var cacheDirectory = Directory.CreateTempSubdirectory("sigma-mcp-demo-");
        var serverLog = new List<string>();
        try
        {
            output.WriteLine("sigma-mcp demo: an assistant's session against the sandbox organization");
            output.WriteLine($"  sandbox  {sandbox.BaseUrl} (a simulated Sigma organization on loopback; no account needed)");
            var (command, arguments) = SelfLauncher.Resolve("serve");
            output.WriteLine($"  server   {Path.GetFileName(command)} {string.Join(' ', arguments.Select(Path.GetFileName))} (a child process, spoken to over stdio)");
            output.WriteLine();

            var transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "sigma-mcp",
                Command = command,
                Arguments = arguments,
                EnvironmentVariables = new Dictionary<string, string?>
                {
                    ["SIGMA_BASE_URL"] = sandbox.BaseUrl.ToString(),
                    ["SIGMA_CLIENT_ID"] = sandbox.ClientId,
                    ["SIGMA_CLIENT_SECRET"] = sandbox.ClientSecret,
                    ["SIGMA_MCP_CACHE"] = "litedb",
                    ["SIGMA_MCP_CACHE_PATH"] = Path.Combine(cacheDirectory.FullName, "cache.db"),
                    ["SIGMA_MCP_LOG_LEVEL"] = "warning",
                },
                ShutdownTimeout = TimeSpan.FromSeconds(10),
                StandardErrorLines = line => { lock (serverLog) { serverLog.Add(line); } },
            });

            var started = Stopwatch.GetTimestamp();
            await using var client = await McpClient.CreateAsync(transport, new McpClientOptions
            {
                ClientInfo = new Implementation { Name = "sigma-mcp-demo", Version = ToolVersion.Current },
            }, cancellationToken: cancellationToken);
            Step("initialize", $"{client.ServerInfo?.Name} {client.ServerInfo?.Version}, protocol {client.NegotiatedProtocolVersion}, in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms", ok: true);

            var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
            Step("tools/list", $"{tools.Count} tool(s)", ok: tools.Count > 0);
            foreach (var tool in tools)
            {
                output.WriteLine($"        {tool.Name,-20} {FirstSentence(tool.Description)}");
            }

            await HeartbeatAsync(client, cancellationToken);
            await AssistantSessionAsync(client, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Step("session", $"failed: {ex.Message}", ok: false);
        }
        finally
        {
            cacheDirectory.Delete(recursive: true);
        }

        output.WriteLine();
        if (_failed > 0)
        {
            output.WriteLine($"Demo failed: {_failed} of {_step} steps did not succeed. The server's stderr:");
            lock (serverLog)
            {
                serverLog.ForEach(line => output.WriteLine($"  | {line}"));
            }

            return false;
        }

        output.WriteLine($"Demo finished: all {_step} steps succeeded. Next: add sigma-mcp to your MCP client (see README), or run 'sigma-mcp serve --sandbox'.");
        return true;
    }

    private async Task HeartbeatAsync(McpClient client, CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine("  → tools/call heartbeat {}");
        var result = await client.CallToolAsync("heartbeat", cancellationToken: cancellationToken);
        var report = result.StructuredContent;
        var healthy = result.IsError != true && report?.GetProperty("status").GetString() == HeartbeatReport.Healthy;
        if (report is { } r)
        {
            var api = r.GetProperty("sigma_api");
            var user = api.TryGetProperty("user_info", out var u) ? u : default;
            output.WriteLine($"        status      {r.GetProperty("status").GetString()}");
            output.WriteLine($"        sigma_api   connected={api.GetProperty("connected").GetBoolean()} in {api.GetProperty("response_time_ms").GetInt64()} ms, " +
                $"user {(user.ValueKind == JsonValueKind.Object ? user.GetProperty("email").GetString() : "-")}, organization {(api.TryGetProperty("organization_id", out var o) ? o.GetString() : "-")}");
            var cache = r.GetProperty("document_cache");
            output.WriteLine($"        cache       {cache.GetProperty("backend").GetString()} ({cache.GetProperty("state").GetString()})");
        }

        Step("heartbeat", healthy ? HeartbeatReport.Healthy : HeartbeatReport.Unhealthy, healthy);
    }

    // What an assistant does with a question like "how is revenue split by region?".
    private async Task AssistantSessionAsync(McpClient client, CancellationToken cancellationToken)
    {
        var refreshed = await CallAsync(client, "refresh_cache", new Dictionary<string, object?>(), cancellationToken);
        if (refreshed is { } r)
        {
            output.WriteLine($"        cached      {r.GetProperty("counts").GetProperty("workbook").GetInt32()} workbooks, {r.GetProperty("counts").GetProperty("element").GetInt32()} elements in {r.GetProperty("duration_seconds").GetDouble()} s");
        }

        Step("refresh_cache", refreshed is null ? "failed" : "the sandbox organization is cached", refreshed is not null);

        var search = await CallAsync(client, "search_documents", new Dictionary<string, object?> { ["query"] = "revenue by region", ["limit"] = 3 }, cancellationToken);
        var hits = search?.GetProperty("results").EnumerateArray().ToList() ?? [];
        foreach (var hit in hits)
        {
            var element = hit.TryGetProperty("element_name", out var en) && en.ValueKind == JsonValueKind.String ? $" → element '{en.GetString()}'" : "";
            output.WriteLine($"        {hit.GetProperty("score").GetDouble(),6:0.0}  {hit.GetProperty("name").GetString()} ({hit.GetProperty("type").GetString()}){element}");
        }

        Step("search", $"{hits.Count} hit(s)", hits.Count > 0);
        var top = hits.FirstOrDefault(h => h.TryGetProperty("element_id", out var id) && id.ValueKind == JsonValueKind.String);
        if (top.ValueKind != JsonValueKind.Object)
        {
            Step("describe", "no element hit to follow", ok: false);
            return;
        }

        var workbookId = top.GetProperty("workbook_id").GetString();
        var described = await CallAsync(client, "describe_workbook", new Dictionary<string, object?> { ["workbook_id"] = workbookId }, cancellationToken);
        if (described is { } d)
        {
            foreach (var page in d.GetProperty("pages").EnumerateArray())
            {
                output.WriteLine($"        page '{(page.TryGetProperty("name", out var pn) ? pn.GetString() : page.GetProperty("page_id").GetString())}': {string.Join(", ", page.GetProperty("elements").EnumerateArray().Select(e => e.TryGetProperty("name", out var en) ? en.GetString() : e.GetProperty("element_id").GetString()))}");
            }
        }

        Step("describe", described is null ? "failed" : $"'{described.Value.GetProperty("name").GetString()}' ({described.Value.GetProperty("source").GetString()})", described is not null);

        var export = await CallAsync(client, "export_data", new Dictionary<string, object?>
        {
            ["workbook_id"] = workbookId,
            ["element_id"] = top.GetProperty("element_id").GetString(),
            ["format"] = "csv",
            ["limit"] = 5,
        }, cancellationToken);
        if (export is { } x)
        {
            output.WriteLine($"        columns     {string.Join(", ", x.GetProperty("columns").EnumerateArray().Select(c => c.GetString()))}");
            foreach (var row in x.GetProperty("rows").EnumerateArray())
            {
                output.WriteLine($"                    {string.Join(" | ", row.EnumerateArray().Select(v => v.ToString()))}");
            }
        }

        Step("export_data", export is null ? "failed" : $"{export.Value.GetProperty("row_count").GetInt32()} rows, next_offset {(export.Value.TryGetProperty("next_offset", out var no) ? no.GetRawText() : "-")}", export is not null);

        // The same element with a control set, as "and in EMEA only?" would ask.
        var region = described is { } w && w.TryGetProperty("controls", out var controls)
            ? controls.EnumerateArray().FirstOrDefault(c => c.TryGetProperty("name", out var n) && n.GetString() == "Region")
            : default;
        if (region.ValueKind == JsonValueKind.Object && region.TryGetProperty("control_id", out var id) && id.GetString() is { } controlId)
        {
            var filtered = await CallAsync(client, "export_data", new Dictionary<string, object?>
            {
                ["workbook_id"] = workbookId,
                ["element_id"] = top.GetProperty("element_id").GetString(),
                ["format"] = "csv",
                ["parameters"] = new Dictionary<string, string> { [controlId] = "EMEA" },
            }, cancellationToken);
            if (filtered is { } f)
            {
                foreach (var row in f.GetProperty("rows").EnumerateArray())
                {
                    output.WriteLine($"                    {string.Join(" | ", row.EnumerateArray().Select(v => v.ToString()))}");
                }
            }

            Step("filtered", filtered is null ? "failed" : $"{filtered.Value.GetProperty("row_count").GetInt32()} row(s) with {controlId}=EMEA", filtered is not null);
        }
    }

    private static readonly RequestOptions s_arguments = new() { JsonSerializerOptions = DemoJsonContext.Default.Options };

    private async Task<JsonElement?> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine($"  → tools/call {tool} {JsonSerializer.Serialize(arguments, DemoJsonContext.Default.DictionaryStringObject)}");
        var result = await client.CallToolAsync(tool, arguments, options: s_arguments, cancellationToken: cancellationToken);
        if (result.IsError == true)
        {
            output.WriteLine($"        error: {string.Join(' ', result.Content.OfType<TextContentBlock>().Select(t => t.Text))}");
            return null;
        }

        return result.StructuredContent;
    }

    private void Step(string name, string outcome, bool ok)
    {
        _step++;
        if (!ok)
        {
            _failed++;
        }

        output.WriteLine($"[{_step}] {name,-12} {(ok ? "ok" : "FAILED")}  {outcome}");
    }

    private static string FirstSentence(string? text)
    {
        var line = (text ?? "").Trim().Split('\n')[0].Trim();
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? line[..(end + 1)] : line;
    }
}
