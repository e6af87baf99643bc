using BenchmarkDotNet.Attributes;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Index build time and allocations by corpus size (the corpus itself is generated once, outside the measurement).
/// The memory the built index keeps is what <c>search-quick</c> reports as its heap.
/// </summary>
[Config(typeof(SearchBuildBenchmarkConfig))]
public class SearchBuildBenchmarks
{
    private List<CachedDocument> _documents = [];

    [Params(1_000, 10_000, 100_000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup() => _documents = SearchCorpus.Get(Documents);

    [Benchmark]
    public int Build() => SearchIndex.Build(_documents).DocumentCount;
}
