using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// What the fast paths must not change, on the BI corpus: pruned top tens are the first ten of a wide search, and a
/// filter that lets few documents through (which makes them the candidates from the start) ranks them as the
/// unfiltered search does.
/// </summary>
public sealed class SearchPruningEquivalenceTests
{
    private static readonly Lazy<(SearchIndex Index, List<CachedDocument> Documents)> s_corpus = new(() =>
    {
        var documents = BiCorpus.Documents();
        return (SearchIndex.Build(documents), documents);
    });

    [Fact]
    public void LabelledQuestions_PrunedTopTen_SameAsFirstTenOfWideSearch()
    {
        var index = s_corpus.Value.Index;
        foreach (var question in BiQuestion.LoadAll())
        {
            var top = index.Search(question.ToSearchQuery(10));
            var wide = index.Search(question.ToSearchQuery(SearchIndex.MaxLimit)).Take(10);
            top.Select(Key).Should().Equal(wide.Select(Key), question.Query);
        }
    }

    [Fact]
    public void FewDocumentsAllowed_SameRankingAsUnfilteredSearchFiltered()
    {
        var (index, documents) = s_corpus.Value;
        var newest = documents.Select(d => d.UpdatedAt).OrderDescending().ToList();
        var random = new Random(40);
        var visibleIds = documents.Where(_ => random.Next(40) == 0).Select(d => d.Id).ToHashSet();
        var mask = index.VisibilityMask(d => visibleIds.Contains(d.Id));
        var filters = new List<(Func<SearchQuery, SearchQuery> Apply, Func<CachedDocument, bool> Allows)>
        {
            (q => q with { UpdatedSince = newest[5] }, d => d.UpdatedAt >= newest[5]),
            (q => q with { UpdatedSince = newest[0].AddDays(1) }, _ => false),
            (q => q with { Visible = mask }, d => visibleIds.Contains(d.Id)),
            (q => q with { DocumentType = DocumentTypes.Report }, d => d.Type == DocumentTypes.Report),
            (q => q with { DocumentType = DocumentTypes.Dataset, Badge = "Endorsed" }, d => d.Type == DocumentTypes.Dataset && d.Badge == "Endorsed"),
        };

        foreach (var text in BiQuestion.LoadAll().Where(q => q.Type is null && q.Owner is null && q.Path is null).Select(q => q.Query).Take(60))
        {
            var unfiltered = index.Search(new SearchQuery(text, Limit: SearchIndex.MaxLimit));
            unfiltered.Count.Should().BeLessThan(SearchIndex.MaxLimit, "the unfiltered search must hold every match");
            foreach (var (apply, allows) in filters)
            {
                var filtered = index.Search(apply(new SearchQuery(text)));
                filtered.Select(Key).Should().Equal(unfiltered.Where(h => allows(h.Document)).Take(10).Select(Key), text);
            }
        }
    }

    private static string Key(SearchHit hit) => $"{hit.Document.Id}/{hit.Element?.ElementId}/{hit.Score:0.000}";
}
