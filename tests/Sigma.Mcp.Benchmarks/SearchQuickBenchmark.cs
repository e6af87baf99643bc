using System.Diagnostics;
using System.Globalization;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// The quick search measurement (seconds, not BenchmarkDotNet's minutes): per corpus size, index build time (first,
/// with JIT, and second) and the managed heap the index keeps, then 2,000 single-threaded queries of
/// <see cref="SearchWorkload.Mix"/>, each timed alone, reported as median, p95, p99 and max, overall and per query
/// kind, with the garbage collections that happened meanwhile (they are in the tail).
/// </summary>
internal static class SearchQuickBenchmark
{
    private const int Queries = 2_000;

    public static Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        int[] sizes = arguments.Count > 0 ? [.. arguments.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1_000, 10_000, 100_000];
        Console.WriteLine("| documents | elements | terms | postings | build cold / warm (ms) | index heap (MB) | median (µs) | p95 (µs) | p99 (µs) | max (µs) | gen0/1/2 GCs |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var perKind = new List<string>();
        foreach (var size in sizes)
        {
            var documents = SearchCorpus.Get(size);
            var heapBefore = HeapBytes();
            var started = Stopwatch.GetTimestamp();
            var index = SearchIndex.Build(documents);
            var coldMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var indexHeap = HeapBytes() - heapBefore;

            // A second build, with the code already compiled, is what a refresh costs a running server.
            started = Stopwatch.GetTimestamp();
            GC.KeepAlive(SearchIndex.Build(documents));
            var warmMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            // Warm-up, not measured: long enough for tiered compilation to reach its optimised code.
            for (var warm = Stopwatch.StartNew(); warm.ElapsedMilliseconds < 2_000;)
            {
                foreach (var query in SearchWorkload.Mix)
                {
                    index.Search(query);
                }
            }

            int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            var all = new List<double>(Queries);
            var byKind = SearchWorkload.ByKind.Keys.ToDictionary(k => k, _ => new List<double>());
            for (var i = 0; i < Queries; i++)
            {
                var query = SearchWorkload.Mix[i % SearchWorkload.Mix.Length];
                var t = Stopwatch.GetTimestamp();
                index.Search(query);
                var micros = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
                all.Add(micros);
                byKind[KindOf(query)].Add(micros);
            }

            var gcs = string.Join('/', Enumerable.Range(0, 3).Select(g => (GC.CollectionCount(g) - gcBefore[g]).ToString(CultureInfo.InvariantCulture)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {index.DocumentCount:N0} | {index.ElementCount:N0} | {index.TermCount:N0} | {index.PostingCount:N0} | {coldMs:0} / {warmMs:0} | {indexHeap / 1048576.0:0.0} | {Percentile(all, 50):0} | {Percentile(all, 95):0} | {Percentile(all, 99):0} | {all.Max():0} | {gcs} |"));
            perKind.AddRange(byKind.Select(k => string.Create(CultureInfo.InvariantCulture,
                $"| {index.DocumentCount:N0} | {k.Key} | {Percentile(k.Value, 50):0} | {Percentile(k.Value, 99):0} | {k.Value.Max():0} |")));
            GC.KeepAlive(index);
        }

        Console.WriteLine();
        Console.WriteLine("| documents | query kind | median (µs) | p99 (µs) | max (µs) |");
        Console.WriteLine("|---|---|---|---|---|");
        perKind.ForEach(Console.WriteLine);
        return Task.FromResult(0);
    }

    private static string KindOf(SearchQuery query) =>
        SearchWorkload.ByKind.First(k => k.Value.Contains(query)).Key;

    private static long HeapBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
