using System.Globalization;
using System.Text;
using Sigma.Mcp.Tool.Search;
using Xunit.Abstractions;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// Search quality on real-world BI content (<c>Data/bi-corpus.json</c>) and the labelled questions of
/// <c>Data/bi-questions.json</c>: MRR@10, nDCG@10, top-1 and top-3 per kind, on the tuning half and on the held-out
/// half. Only the tuning half's per-question ranks are printed: the held-out half is measured, never tuned on.
/// </summary>
public sealed class SearchEvaluationTests(ITestOutputHelper output)
{
    private const int K = 10;

    [Fact]
    public void LabelledQuestions_BiCorpus_MeetQualityGoals()
    {
        var index = SearchIndex.Build(BiCorpus.Documents());
        var questions = BiQuestion.LoadAll();
        var results = questions.Select(q =>
        {
            var hits = index.Search(q.ToSearchQuery(K));
            return (Question: q, Hits: hits, Metrics: RankingMetrics.Of(q.Grades(hits), q.Relevant.Values, q.TopGrade, K));
        }).ToList();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{index.DocumentCount} documents, {index.ElementCount} elements, {index.TermCount} terms; {questions.Count} questions");
        report.AppendLine("| half | kind | n | MRR@10 | nDCG@10 | top-1 | top-3 |");
        report.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var heldOut in new[] { false, true })
        {
            var half = results.Where(r => r.Question.HeldOut == heldOut).ToList();
            foreach (var group in half.GroupBy(r => r.Question.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Row(report, heldOut, group.Key, [.. group.Select(g => g.Metrics)]);
            }

            Row(report, heldOut, "hard", [.. half.Where(r => r.Question.IsHard).Select(r => r.Metrics)]);
            Row(report, heldOut, "all", [.. half.Select(r => r.Metrics)]);
        }

        report.AppendLine();
        report.AppendLine("Tuning half, questions not answered first (rank, query, top 3):");
        foreach (var (question, hits, metrics) in results.Where(r => !r.Question.HeldOut && !r.Metrics.Top1))
        {
            var top = string.Join(" | ", hits.Take(3).Select(h => $"{h.Document.Name}{(h.Element is null ? "" : " / " + h.Element.Name)} ({h.Score:0.0})"));
            report.AppendLine(CultureInfo.InvariantCulture, $"  {(metrics.FirstRank == 0 ? "—" : metrics.FirstRank.ToString(CultureInfo.InvariantCulture)),2} {question}: {top}");
        }

        output.WriteLine(report.ToString());

        questions.Should().HaveCountGreaterThanOrEqualTo(150);
        var measured = results.Where(r => r.Question.HeldOut).ToList();
        measured.Should().HaveCountGreaterThanOrEqualTo(70);

        // The issue's goals, on the half never tuned on (before this work: 0.82 overall, 0.67 hard, 2 empty answers).
        measured.Average(r => r.Metrics.ReciprocalRank).Should().BeGreaterThanOrEqualTo(0.90, report.ToString());
        measured.Where(r => r.Question.IsHard).Average(r => r.Metrics.ReciprocalRank).Should().BeGreaterThanOrEqualTo(0.80, report.ToString());
        results.Where(r => r.Metrics.ResultCount == 0).Select(r => r.Question.Query).Should().BeEmpty("every labelled question is a real question");
    }

    private static void Row(StringBuilder report, bool heldOut, string kind, List<RankingMetrics> metrics) =>
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {(heldOut ? "held-out" : "tuning")} | {kind} | {metrics.Count} | {metrics.Average(m => m.ReciprocalRank):0.00} | {metrics.Average(m => m.Ndcg):0.00} | {metrics.Average(m => m.Top1 ? 1.0 : 0):P0} | {metrics.Average(m => m.Top3 ? 1.0 : 0):P0} |" +
            $"{(metrics.Count(m => m.ResultCount == 0) is var empty and > 0 ? $" {empty} with no result" : "")}");
}
