using System.Globalization;
using System.Text;
using Sigma.Mcp.Tool.Search;
using Sigma.Sandbox;
using Xunit.Abstractions;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// Search quality on the labelled query set (<c>Data/search-queries.json</c>) over the sandbox organization, beside
/// the original TypeScript server's scoring on the same queries. Both figures go to the test output.
/// </summary>
public sealed class SearchQualityTests(ITestOutputHelper output)
{
    private const int Limit = 10;

    [Fact]
    public async Task LabelledQueries_SandboxOrganization_RankExpectedDocumentFirst()
    {
        await using var sandbox = await SigmaSandbox.StartAsync();
        var documents = SandboxDocuments.From(sandbox.Data);
        var index = SearchIndex.Build(documents);
        var original = new OriginalScoring(documents);
        var queries = LabelledQuery.LoadAll();

        var report = new StringBuilder();
        var ours = new List<int>();
        var theirs = new List<int>();
        foreach (var labelled in queries)
        {
            var query = labelled.ToSearchQuery(Limit);
            var hits = index.Search(query);
            var rank = RankOf(hits, labelled.IsMatch);
            var originalRank = RankOf(original.Search(query), d => labelled.IsDocument(d.Name, d.Id));
            ours.Add(rank);
            theirs.Add(originalRank);
            report.AppendLine(CultureInfo.InvariantCulture, $"{Show(rank),4} {Show(originalRank),9}  {labelled}");
            if (rank != 1)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"               top: {string.Join(" | ", hits.Take(3).Select(h => $"{h.Document.Name}{(h.Element is null ? "" : " / " + h.Element.Name)} ({h.Score:0.0}, {h.MatchedField})"))}");
            }
        }

        var (mrr, top3) = Summarise(ours);
        var (originalMrr, originalTop3) = Summarise(theirs);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{queries.Count} labelled queries, top {Limit}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SearchIndex:        MRR {mrr:0.000}, top-3 {top3:P1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"original (TS) scoring: MRR {originalMrr:0.000}, top-3 {originalTop3:P1}"));
        output.WriteLine("");
        output.WriteLine("MRR by kind (SearchIndex / original):");
        foreach (var kind in queries.Select((q, i) => (q.Kind, i)).GroupBy(k => k.Kind))
        {
            var (kindMrr, _) = Summarise([.. kind.Select(k => ours[k.i])]);
            var (kindOriginal, _) = Summarise([.. kind.Select(k => theirs[k.i])]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Key,-14} {kind.Count(),3} queries  {kindMrr:0.00} / {kindOriginal:0.00}"));
        }

        output.WriteLine("");
        output.WriteLine("rank original  query");
        output.WriteLine(report.ToString());

        queries.Should().HaveCountGreaterThanOrEqualTo(40);
        mrr.Should().BeGreaterThanOrEqualTo(0.9, "per-query ranks:\n{0}", report);
        top3.Should().BeGreaterThanOrEqualTo(0.95, "per-query ranks:\n{0}", report);
    }

    private static int RankOf<T>(IReadOnlyList<T> results, Func<T, bool> isExpected)
    {
        for (var i = 0; i < results.Count; i++)
        {
            if (isExpected(results[i]))
            {
                return i + 1;
            }
        }

        return 0;
    }

    private static (double Mrr, double Top3) Summarise(List<int> ranks) =>
        (ranks.Average(r => r == 0 ? 0 : 1.0 / r), ranks.Count(r => r is >= 1 and <= 3) / (double)ranks.Count);

    private static string Show(int rank) => rank == 0 ? "—" : rank.ToString(CultureInfo.InvariantCulture);
}
