using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Caching.DynamoDb;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.Cli;
using Sigma.Mcp.Tool.Server;
using Sigma.Sandbox;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Refresh time for a 10,000-workbook organization into each backend (sandbox latency 0 and 50 ms), the time to load
/// a whole cache into memory at 10,000 and 100,000 documents, and the LiteDB file size. The DynamoDB rows need a
/// DynamoDB-compatible endpoint: pass it as AWS_ENDPOINT_URL_DYNAMODB (e.g. dynalite on loopback).
/// </summary>
internal static class RefreshBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [10_000];
        var dynamo = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB");
        Console.WriteLine("| backend | workbooks | latency | refresh (s) | load into memory (s) | documents | file size (MB) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = size });
            foreach (var latency in size > 10_000 ? [0] : new[] { 0, 50 })
            {
                sandbox.Faults.Latency = TimeSpan.FromMilliseconds(latency);
                await MeasureAsync(sandbox, "litedb", latency, null);
                if (dynamo is not null)
                {
                    await MeasureAsync(sandbox, "dynamodb", latency, dynamo);
                }
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(SigmaSandbox sandbox, string backend, int latency, string? endpoint)
    {
        var directory = Directory.CreateTempSubdirectory("sigma-mcp-refresh-");
        var values = new Dictionary<string, string>
        {
            ["SIGMA_BASE_URL"] = sandbox.BaseUrl.ToString(),
            ["SIGMA_CLIENT_ID"] = sandbox.ClientId,
            ["SIGMA_CLIENT_SECRET"] = sandbox.ClientSecret,
            ["SIGMA_MCP_CACHE"] = backend,
            ["SIGMA_MCP_CACHE_PATH"] = Path.Combine(directory.FullName, "cache.db"),
            ["CACHE_TABLE_NAME"] = $"bench-{Guid.NewGuid():N}",
            ["AWS_REGION"] = "us-east-1",
        };
        if (endpoint is not null)
        {
            values["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint;
        }

        var settings = TestConfiguration.Load(values, requireCredentials: true, defaultLogLevel: LogLevel.Warning);
        using (var host = ToolHost.CreateBuilder(settings).Build())
        {
            var progress = Environment.GetEnvironmentVariable("BENCH_PROGRESS") is null ? null : new RefreshProgressPrinter(Console.Error, interactive: false);
            var started = Stopwatch.GetTimestamp();
            var summary = await host.Services.GetRequiredService<CacheRefresher>().RefreshAsync(new RefreshOptions(), progress);
            var refresh = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var cache = host.Services.GetRequiredService<ICache>();
            var afterFirst = cache is DynamoDbCache meter ? (read: meter.Consumed.ReadUnits, write: meter.Consumed.WriteUnits) : (read: 0.0, write: 0.0);

            started = Stopwatch.GetTimestamp();
            var loaded = await cache.ReadDocumentsAsync(summary.Metadata.OrganizationId, summary.Metadata.Generation).CountAsync();
            var load = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var size = backend == "litedb" ? $"{new FileInfo(settings.Cache.LiteDbPath).Length / 1_048_576.0:0.0}" : "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {backend} | {sandbox.Data.Workbooks.Count:N0} | {latency} ms | {refresh:0.0} | {load:0.00} | {loaded:N0} | {size} |"));
            if (cache is DynamoDbCache dynamoDb && latency == 0)
            {
                await ReportCapacityAsync(host, dynamoDb, summary, afterFirst);
            }
        }

        directory.Delete(recursive: true);
    }

    /// <summary>
    /// The capacity units DynamoDB (dynalite computes them as DynamoDB bills them) reports for a first refresh, for the
    /// read that followed it, and for a second refresh with nothing changed: a new generation written, the one before
    /// the previous deleted.
    /// </summary>
    private static async Task ReportCapacityAsync(IHost host, DynamoDbCache cache, RefreshSummary first, (double read, double write) afterFirst)
    {
        var afterLoad = (read: cache.Consumed.ReadUnits, write: cache.Consumed.WriteUnits);
        var refresher = host.Services.GetRequiredService<CacheRefresher>();
        await refresher.RefreshAsync(new RefreshOptions());
        var afterSecond = (read: cache.Consumed.ReadUnits, write: cache.Consumed.WriteUnits);
        await refresher.RefreshAsync(new RefreshOptions());
        var afterThird = (read: cache.Consumed.ReadUnits, write: cache.Consumed.WriteUnits);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"DynamoDB capacity, {first.Metadata.Counts.Where(c => DocumentTypes.All.Contains(c.Key)).Sum(c => c.Value):N0} documents: first refresh {afterFirst.write:N0} write / {afterFirst.read:N0} read units; " +
            $"reading every document {afterLoad.read - afterFirst.read:N0} read units; second refresh (nothing changed) {afterSecond.write - afterLoad.write:N0} write / " +
            $"{afterSecond.read - afterLoad.read:N0} read units; third (deletes a generation) {afterThird.write - afterSecond.write:N0} write / {afterThird.read - afterSecond.read:N0} read units"));
    }
}
