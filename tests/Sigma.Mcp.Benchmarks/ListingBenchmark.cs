using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Sandbox;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Requests per second and wall time of the Sigma client against the sandbox with injected latency: listing 10,000
/// workbooks (pages are sequential by nature: each token comes from the page before), and fetching each one's pages
/// (independent requests, run at the client's concurrency limit of 1 and 8).
/// </summary>
internal static class ListingBenchmark
{
    private const int Documents = 10_000;

    public static async Task<int> RunAsync()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = Documents });
        Console.WriteLine("| scenario | latency | concurrency | requests | wall time (s) | requests/s |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var latency in new[] { 0, 50 })
        {
            sandbox.Faults.Latency = TimeSpan.FromMilliseconds(latency);
            foreach (var pageSize in new[] { 1000, 50 })
            {
                await MeasureAsync(sandbox, $"list {Documents:N0} workbooks, pages of {pageSize}", latency, 1,
                    async sigma => await sigma.ListWorkbooksAsync(pageSize).CountAsync());
            }

            foreach (var concurrency in new[] { 1, 8 })
            {
                var ids = sandbox.Data.Workbooks.Take(latency == 0 ? Documents : 1000).Select(w => w.Id).ToList();
                await MeasureAsync(sandbox, $"list the pages of {ids.Count:N0} workbooks", latency, concurrency, async sigma =>
                {
                    await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (id, ct) =>
                        await sigma.ListWorkbookPagesAsync(id, ct).CountAsync(ct));
                    return ids.Count;
                });
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(SigmaSandbox sandbox, string scenario, int latency, int concurrency, Func<SigmaClient, Task<int>> work)
    {
        var settings = TestConfiguration.Load(
            new Dictionary<string, string>
            {
                ["SIGMA_BASE_URL"] = sandbox.BaseUrl.ToString(),
                ["SIGMA_CLIENT_ID"] = sandbox.ClientId,
                ["SIGMA_CLIENT_SECRET"] = sandbox.ClientSecret,
                ["SIGMA_MCP_MAX_CONCURRENCY"] = concurrency.ToString(CultureInfo.InvariantCulture),
            },
            requireCredentials: true,
            defaultLogLevel: LogLevel.Warning);
        using var host = ToolHost.CreateBuilder(settings).Build();
        var sigma = host.Services.GetRequiredService<SigmaClient>();
        await sigma.GetWhoAmIAsync(); // token and connection warm-up, not measured

        var before = sandbox.Requests.Total;
        var started = Stopwatch.GetTimestamp();
        await work(sigma);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var requests = sandbox.Requests.Total - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {latency} ms | {concurrency} | {requests:N0} | {seconds:0.00} | {requests / seconds:0} |"));
    }
}
