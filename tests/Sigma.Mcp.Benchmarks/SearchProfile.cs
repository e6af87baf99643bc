using System.Diagnostics;
using System.Globalization;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Search latency measured in the searching thread's CPU time as well as wall time, so that two builds can be
/// compared on a busy shared machine: per corpus size the whole <see cref="SearchWorkload.Mix"/> (median, p99),
/// and at the largest size each query on its own. Finds which queries a ranking change made slow.
/// </summary>
internal static class SearchProfile
{
    private const int Rounds = 40;

    public static Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        int[] sizes = arguments.Count > 0 ? [.. arguments.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1_000, 10_000, 100_000];
        Console.WriteLine("| documents | CPU median (µs) | CPU p99 (µs) | wall median (µs) | wall p99 (µs) | allocated per query (KB) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var perQuery = new List<string>();
        foreach (var size in sizes)
        {
            var index = SearchIndex.Build(SearchCorpus.Get(size));
            for (var warm = Stopwatch.StartNew(); warm.ElapsedMilliseconds < 3_000;)
            {
                foreach (var query in SearchWorkload.Mix)
                {
                    index.Search(query);
                }
            }

            var cpu = new List<double>();
            var wall = new List<double>();
            var byQuery = SearchWorkload.Mix.ToDictionary(q => q, _ => new List<double>());
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var query in SearchWorkload.Mix)
                {
                    var t = Stopwatch.GetTimestamp();
                    var c = ThreadCpuClock.Microseconds();
                    index.Search(query);
                    var used = ThreadCpuClock.Microseconds() - c;
                    wall.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
                    cpu.Add(used);
                    byQuery[query].Add(used);
                }
            }

            var allocatedKb = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / cpu.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {Percentile(cpu, 50):0} | {Percentile(cpu, 99):0} | {Percentile(wall, 50):0} | {Percentile(wall, 99):0} | {allocatedKb:0.0} |"));
            if (size == sizes.Max())
            {
                foreach (var (kind, queries) in SearchWorkload.ByKind)
                {
                    perQuery.AddRange(queries.Select(q => string.Create(CultureInfo.InvariantCulture,
                        $"| {q.Text} | {kind} | {Percentile(byQuery[q], 50):0} | {byQuery[q].Max():0} |")));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| query | kind | CPU median (µs) | CPU max (µs) |");
        Console.WriteLine("|---|---|---|---|");
        perQuery.ForEach(Console.WriteLine);
        return Task.FromResult(0);
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
