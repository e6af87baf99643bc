using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Sigma.Mcp.Benchmarks;

/// <summary>What one stdio session of <c>sigma-mcp serve</c> measured.</summary>
internal sealed record StdioSample(double Initialize, double ToolsList, double FirstSearch, IReadOnlyList<double> Searches, double PeakRssMiB, IReadOnlyList<double> WarmSearches);

/// <summary>
/// One MCP session over stdio, spoken as raw JSON-RPC lines so that nothing but the server is measured: spawn →
/// <c>initialize</c> answered, then <c>tools/list</c>, the first <c>search_documents</c>, further searches, and the
/// process's peak RSS (VmHWM) after them; then, once the runtime has recompiled the hot code (after
/// <see cref="WarmUpSearches"/> more calls, as in a session some minutes old), <see cref="WarmSearches"/> searches more.
/// </summary>
internal static class StdioProbe
{
    private const int WarmUpSearches = 400;
    private const int WarmSearches = 200;

    private static readonly string[] s_queries = ["revenue", "Revenue Dashboard", "churn by segment", "sales pipeline", "customer orders", "revnue regoin", "finance"];

    public static async Task<StdioSample> RunAsync(string program, IReadOnlyDictionary<string, string> environment, int searches)
    {
        var started = Stopwatch.GetTimestamp();
        using var process = Start(program, environment);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await SendAsync(process, 1, "initialize", """{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}""");
            await ReadAnswerAsync(process, 1, stderr);
            var initialize = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");

            var toolsList = await CallAsync(process, 2, "tools/list", "{}", stderr);
            var times = new List<double>();
            for (var i = 0; i <= searches; i++)
            {
                var query = JsonSerializer.Serialize(s_queries[i % s_queries.Length]);
                times.Add(await CallAsync(process, 10 + i, "tools/call", $$$"""{"name":"search_documents","arguments":{"query":{{{query}}}}}""", stderr, expectHits: true));
            }

            var peak = ReadPeakRssMiB(process.Id);
            var warm = new List<double>();
            for (var i = 0; i < WarmUpSearches + WarmSearches; i++)
            {
                var query = JsonSerializer.Serialize(s_queries[i % s_queries.Length]);
                var elapsed = await CallAsync(process, 1000 + i, "tools/call", $$$"""{"name":"search_documents","arguments":{"query":{{{query}}}}}""", stderr);
                if (i >= WarmUpSearches)
                {
                    warm.Add(elapsed);
                }
            }

            return new StdioSample(initialize, toolsList, times[0], times[1..], peak, warm);
        }
        finally
        {
            Stop(process);
        }
    }

    /// <summary>
    /// One session paced as a client's: the first search a second after <c>tools/list</c> (a person asks, a model decides to
    /// search), and the next one a second after that. Returns both times, so that the first call is compared with a later
    /// one made the same way (after a pause, not right behind another call).
    /// </summary>
    public static async Task<(double First, double Later)> RunPacedAsync(string program, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Start(program, environment);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await CallAsync(process, 1, "initialize", """{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"bench","version":"1"}}""", stderr);
            await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
            await CallAsync(process, 2, "tools/list", "{}", stderr);
            await Task.Delay(ClientPause);
            var first = await CallAsync(process, 3, "tools/call", """{"name":"search_documents","arguments":{"query":"revenue"}}""", stderr, expectHits: true);
            await Task.Delay(ClientPause);
            var later = await CallAsync(process, 4, "tools/call", """{"name":"search_documents","arguments":{"query":"sales pipeline"}}""", stderr, expectHits: true);
            return (first, later);
        }
        finally
        {
            Stop(process);
        }
    }

    /// <summary>The pause before each call of <see cref="RunPacedAsync"/>.</summary>
    public static TimeSpan ClientPause { get; } = TimeSpan.FromSeconds(1);

    private static Process Start(string program, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("serve");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }

    private static void Stop(Process process)
    {
        process.StandardInput.Close();
        if (!process.WaitForExit(10_000))
        {
            process.Kill();
        }
    }

    /// <summary>Peak resident set (VmHWM) of a running process, in MiB.</summary>
    public static double ReadPeakRssMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static async Task<double> CallAsync(Process process, int id, string method, string parameters, Task<string> stderr, bool expectHits = false)
    {
        var started = Stopwatch.GetTimestamp();
        await SendAsync(process, id, method, parameters);
        var answer = await ReadAnswerAsync(process, id, stderr);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (expectHits && (answer.Contains("\"isError\":true", StringComparison.Ordinal) || !answer.Contains("\"results\":[{", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"search found nothing: {answer[..Math.Min(answer.Length, 600)]}");
        }

        return elapsed;
    }

    private static async Task SendAsync(Process process, int id, string method, string parameters)
    {
        await process.StandardInput.WriteLineAsync($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}","params":{{parameters}}}""");
        await process.StandardInput.FlushAsync();
    }

    private static async Task<string> ReadAnswerAsync(Process process, int id, Task<string> stderr)
    {
        var prefix = $"\"id\":{id.ToString(CultureInfo.InvariantCulture)},";
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(prefix, StringComparison.Ordinal) && !line.Contains("\"method\"", StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"serve ended before answering request {id}: {await stderr}");
    }
}
