using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// <c>serve --http --sandbox</c> under load, on loopback only and bounded in time: N concurrent MCP clients (the SDK's
/// Streamable HTTP transport, one HTTP client each, as separate hosts would be) call <c>search_documents</c> and
/// <c>heartbeat</c> (4 to 1) for a fixed duration against a server whose cache was refreshed first. Reports
/// throughput, p50/p99 latency per tool, errors (which must be 0) and the server's peak RSS (VmHWM). Clients and
/// server share the machine's cores, so the figures are a floor.
/// </summary>
internal static class HttpLoadBenchmark
{
    private static readonly string[] s_queries = ["revenue", "Revenue Dashboard", "churn by segment", "sales pipeline", "customer orders", "revnue regoin", "finance"];

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        var duration = TimeSpan.FromSeconds(arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 60);
        var clients = arguments.Count > 1 ? int.Parse(arguments[1], CultureInfo.InvariantCulture) : 16;
        if (duration > TimeSpan.FromMinutes(5) || clients is < 1 or > 256)
        {
            throw new ArgumentException("http-load [seconds ≤ 300] [clients 1-256]");
        }

        var home = Directory.CreateTempSubdirectory("sigma-mcp-http-load-").FullName;
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var endpoint = new Uri($"http://127.0.0.1:{FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}/");
        using var server = StartServer(home, endpoint, token);
        try
        {
            await WaitUntilLiveAsync(endpoint, server);
            await using (var setup = await ConnectAsync(endpoint, token))
            {
                var refresh = await setup.CallToolAsync("refresh_cache");
                if (refresh.IsError == true)
                {
                    throw new InvalidOperationException("refresh_cache failed: " + string.Join('\n', refresh.Content.OfType<TextContentBlock>().Select(t => t.Text)));
                }
            }

            var results = await RunClientsAsync(endpoint, token, clients, duration);
            var peakRss = ReadStatusKilobytes(server.Id, "VmHWM:");
            Print(results, clients, duration, peakRss);
            return results.Sum(r => r.Errors) == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    private static Process StartServer(string home, Uri endpoint, string token)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = home };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "sigma-mcp.dll"), "serve", "--http", "--sandbox", "--urls", endpoint.ToString().TrimEnd('/') })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HOME"] = home;
        info.Environment["XDG_DATA_HOME"] = Path.Combine(home, "data");
        info.Environment["SIGMA_MCP_HTTP_TOKENS"] = token;
        info.Environment["SIGMA_MCP_RATE_LIMIT"] = "0";        // one token for every client: the per-client limit would measure itself
        info.Environment["SIGMA_MCP_LOG_LEVEL"] = "warning";   // as deployed; per-request information lines would measure the console
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { Console.Error.WriteLine("[server] " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilLiveAsync(Uri endpoint, Process server)
    {
        using var http = new HttpClient { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline && !server.HasExited;)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The server did not come up within 60 s.");
    }

    private static async Task<List<ClientResult>> RunClientsAsync(Uri endpoint, string token, int clients, TimeSpan duration)
    {
        var connected = new List<McpClient>();
        for (var i = 0; i < clients; i++)
        {
            connected.Add(await ConnectAsync(endpoint, token));
        }

        try
        {
            // Warm-up, not measured: JIT and connection set-up on both sides.
            await Task.WhenAll(connected.Select(c => CallAsync(c, 0, new ClientResult())));
            using var stop = new CancellationTokenSource(duration);
            var started = Stopwatch.GetTimestamp();
            var results = await Task.WhenAll(connected.Select((client, i) => Task.Run(() => LoopAsync(client, i, stop.Token))));
            var elapsed = Stopwatch.GetElapsedTime(started);
            foreach (var result in results)
            {
                result.Elapsed = elapsed;
            }

            return [.. results];
        }
        finally
        {
            foreach (var client in connected)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task<ClientResult> LoopAsync(McpClient client, int seed, CancellationToken stop)
    {
        var result = new ClientResult();
        for (var n = seed; !stop.IsCancellationRequested; n++)
        {
            await CallAsync(client, n, result);
        }

        return result;
    }

    private static async Task CallAsync(McpClient client, int n, ClientResult result)
    {
        var heartbeat = n % 5 == 4;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = heartbeat
                ? await client.CallToolAsync("heartbeat")
                : await client.CallToolAsync("search_documents", new Dictionary<string, object?> { ["query"] = s_queries[n % s_queries.Length], ["limit"] = 10 });
            var ok = response.IsError != true
                && (!heartbeat || response.StructuredContent?.GetProperty("status").GetString() == "healthy");
            if (!ok)
            {
                result.Errors++;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or McpException or IOException or TaskCanceledException)
        {
            result.Errors++;
        }

        (heartbeat ? result.Heartbeat : result.Search).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static Task<McpClient> ConnectAsync(Uri endpoint, string token)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(endpoint, "mcp"), TransportMode = HttpTransportMode.StreamableHttp }, http, ownsHttpClient: true);
        return McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" });
    }

    private static void Print(List<ClientResult> results, int clients, TimeSpan duration, long? peakRssKb)
    {
        var search = results.SelectMany(r => r.Search).ToList();
        var heartbeat = results.SelectMany(r => r.Heartbeat).ToList();
        var all = search.Concat(heartbeat).ToList();
        var seconds = results[0].Elapsed.TotalSeconds;
        string Row(string name, List<double> ms) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {ms.Count} | {ms.Count / seconds:0} | {Percentile(ms, 0.50):0.0} | {Percentile(ms, 0.99):0.0} | {(ms.Count > 0 ? ms.Max() : 0):0.0} |");

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"serve --http --sandbox, {clients} concurrent clients for {duration.TotalSeconds:0} s on {Environment.ProcessorCount} cores (clients and server share them)"));
        Console.WriteLine("| calls | count | per second | p50 (ms) | p99 (ms) | max (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(Row("all", all));
        Console.WriteLine(Row("search_documents", search));
        Console.WriteLine(Row("heartbeat", heartbeat));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"errors: {results.Sum(r => r.Errors)}; server peak RSS (VmHWM): {(peakRssKb is { } kb ? $"{kb / 1024.0:0} MB" : "n/a (not Linux)")}"));
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        return values[Math.Min(values.Count - 1, (int)Math.Ceiling(p * values.Count) - 1)];
    }

    private static long? ReadStatusKilobytes(int pid, string field)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) : null;
        return line is null ? null : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>A port the OS says is free on 127.0.0.1 (released at once; the server binds it a moment later).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class ClientResult
    {
        public List<double> Search { get; } = [];

        public List<double> Heartbeat { get; } = [];

        public int Errors { get; set; }

        public TimeSpan Elapsed { get; set; }
    }
}
