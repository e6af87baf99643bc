using BenchmarkDotNet.Attributes;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Search latency by corpus size and query kind (<see cref="SearchWorkload"/>). Each operation is one query, cycling
/// through the kind's five; the statistics are over iterations, each the mean of many operations. Per-query tails
/// (every query timed alone) are what <c>search-quick</c> reports.
/// </summary>
[Config(typeof(SearchBenchmarkConfig))]
public class SearchBenchmarks
{
    private SearchIndex _index = null!;
    private SearchQuery[] _queries = [];
    private int _next;

    [Params(1_000, 10_000, 100_000)]
    public int Documents { get; set; }

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    public static IEnumerable<string> Kinds => SearchWorkload.ByKind.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _index = SearchIndexes.Get(Documents);
        _queries = SearchWorkload.ByKind[Kind];
    }

    [Benchmark]
    public int Search() => _index.Search(_queries[_next++ % _queries.Length]).Count;
}
