using System.Collections.Concurrent;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Benchmarks;

/// <summary>One index per corpus size, built once and shared by every benchmark case of that size.</summary>
internal static class SearchIndexes
{
    private static readonly ConcurrentDictionary<int, Lazy<SearchIndex>> s_indexes = new();

    public static SearchIndex Get(int documents) =>
        s_indexes.GetOrAdd(documents, n => new Lazy<SearchIndex>(() => SearchIndex.Build(SearchCorpus.Get(n)))).Value;
}
