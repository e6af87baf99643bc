using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Mcp.Tool.Http;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tests.Search;
using Sigma.Sandbox;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// What team mode's per-user filtering costs. Per corpus size and member (an admin who sees everything, a member who
/// sees about half): the Sigma calls one member's set takes (counted at the sandbox, beside the formula
/// 1 + ⌈files/1000⌉), the time to read it, the time to build its search mask (once per member and index generation),
/// then 2,000 queries of <see cref="SearchWorkload.Mix"/> run without and with the member's mask, interleaved, each timed
/// alone (the with-mask time includes fetching the mask, as search_documents does): median and p99 of both.
/// </summary>
internal static class MemberVisibilityBenchmark
{
    private const int Queries = 2_000;

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        int[] sizes = arguments.Count > 0 ? [.. arguments.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1_000, 10_000];
        Console.WriteLine("| documents | member | files | Sigma calls (counted / 1+⌈files/1000⌉) | read set (ms) | mask build (ms) | no mask median / p99 (µs) | with mask median / p99 (µs) | added median / p99 (µs) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var size in sizes)
        {
            await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = Math.Max(0, size - 22) });
            var index = SearchIndex.Build(SandboxDocuments.From(sandbox.Data));
            using var host = ToolHost.CreateBuilder(Settings(sandbox)).Build();
            var sigma = host.Services.GetRequiredService<SigmaClient>();
            var cache = new MemberAccessCache(
                sigma, HttpServerSettings.Parse(TestConfiguration.From(new Dictionary<string, string>()), allowUnauthenticated: true),
                TimeProvider.System, NullLogger<MemberAccessCache>.Instance);
            var members = sandbox.Data.Members.Where(m => m is { IsArchived: false, IsInactive: false }).ToList();
            foreach (var member in new[] { members.First(m => m.MemberType == "Admin"), members.First(m => m.MemberType != "Admin") })
            {
                await MeasureAsync(sandbox, sigma, index, cache, member);
            }
        }

        return 0;
    }

    private static async Task MeasureAsync(SigmaSandbox sandbox, SigmaClient sigma, SearchIndex index, MemberAccessCache cache, Sigma.Sandbox.Model.SandboxMember member)
    {
        var before = sandbox.Requests.Count("/v2/members");
        var started = Stopwatch.GetTimestamp();
        var documents = await cache.GetAsync(member.Email, CancellationToken.None) ?? throw new InvalidOperationException($"{member.Email} is not a member.");
        var readMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var counted = sandbox.Requests.Count("/v2/members") - before;
        var files = await sigma.ListMemberFilesAsync(documents.MemberId).CountAsync(); // after counting: not one of the set's calls

        started = Stopwatch.GetTimestamp();
        var mask = documents.MaskFor(index);
        var maskMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var visible = mask.Count(v => v);

        // Warm-up, not measured: long enough for tiered compilation to reach its optimised code on both paths.
        for (var warm = Stopwatch.StartNew(); warm.ElapsedMilliseconds < 2_000;)
        {
            foreach (var query in SearchWorkload.Mix)
            {
                index.Search(query);
                index.Search(query with { Visible = documents.MaskFor(index) });
            }
        }

        var without = new List<double>(Queries);
        var with = new List<double>(Queries);
        for (var i = 0; i < Queries; i++)
        {
            var query = SearchWorkload.Mix[i % SearchWorkload.Mix.Length];
            var t = Stopwatch.GetTimestamp();
            index.Search(query);
            without.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
            t = Stopwatch.GetTimestamp();
            index.Search(query with { Visible = documents.MaskFor(index) });
            with.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
        }

        var formula = 1 + Math.Max(1, (files + SigmaClient.MaxPageSize - 1) / SigmaClient.MaxPageSize);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {index.DocumentCount:N0} | {member.MemberType} ({visible:N0} visible) | {files:N0} | {counted} / {formula} | {readMs:0} | {maskMs:0.0} | " +
            $"{Percentile(without, 50):0} / {Percentile(without, 99):0} | {Percentile(with, 50):0} / {Percentile(with, 99):0} | " +
            $"{Percentile(with, 50) - Percentile(without, 50):0} / {Percentile(with, 99) - Percentile(without, 99):0} |"));
    }

    private static ToolSettings Settings(SigmaSandbox sandbox) => TestConfiguration.Load(
        new Dictionary<string, string>
        {
            ["SIGMA_BASE_URL"] = sandbox.BaseUrl.ToString(),
            ["SIGMA_CLIENT_ID"] = sandbox.ClientId,
            ["SIGMA_CLIENT_SECRET"] = sandbox.ClientSecret,
            ["SIGMA_MCP_CACHE_PATH"] = Path.Combine(Path.GetTempPath(), $"sigma-mcp-visibility-{Guid.NewGuid():N}.db"),
        },
        requireCredentials: true,
        defaultLogLevel: LogLevel.Warning);

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
