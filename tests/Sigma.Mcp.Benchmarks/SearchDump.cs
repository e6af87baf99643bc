using System.Globalization;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tests.Search;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Every hit (document, element, score to the last bit) of the benchmark mix at the given sizes, with limits 10 and
/// 100, and of the labelled BI questions: <c>search-dump [sizes…] &gt; file</c> on two builds, then <c>diff</c>, shows
/// whether a speed change left every ranking as it was.
/// </summary>
internal static class SearchDump
{
    public static Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        int[] sizes = arguments.Count > 0 ? [.. arguments.Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [1_000, 10_000, 100_000];
        var bi = SearchIndex.Build(BiCorpus.Documents());
        foreach (var question in BiQuestion.LoadAll())
        {
            Write("bi", bi, question.ToSearchQuery(10));
        }

        foreach (var size in sizes)
        {
            var index = SearchIndex.Build(SearchCorpus.Get(size));
            foreach (var query in SearchWorkload.Mix)
            {
                Write(size.ToString(CultureInfo.InvariantCulture), index, query);
                Write(size.ToString(CultureInfo.InvariantCulture), index, query with { Limit = 100 });
            }
        }

        return Task.FromResult(0);
    }

    private static void Write(string corpus, SearchIndex index, SearchQuery query)
    {
        var hits = index.Search(query, out var unmatched);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {corpus} {query.Text} | {query.DocumentType} | {query.Limit} | unmatched: {string.Join(',', unmatched)}"));
        foreach (var hit in hits)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{hit.Document.Id} {hit.Element?.ElementId} {BitConverter.DoubleToInt64Bits(hit.Score):x16} {hit.Score:0.000} {hit.MatchedField} {hit.MatchedText}"));
        }
    }
}
