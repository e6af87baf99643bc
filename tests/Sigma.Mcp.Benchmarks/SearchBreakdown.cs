using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Benchmarks;

/// <summary>
/// Where each query's time goes at one corpus size (<c>search-breakdown [size]</c>): planning (parsing, term
/// expansion, rewrites), reading the lists (with pruning), collecting the best (with the element bonus) and explaining
/// them, with the lists, postings and numbers touched; each query repeated alone, so warmer than the mix. Adding a
/// word of a query prints its plan's lists; <c>search-breakdown [size] loop</c> only searches the mix for 25 s, for a
/// sampling profiler (dotnet-trace) to attach to.
/// </summary>
internal static class SearchBreakdown
{
    private const int Rounds = 30;

    public static Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        var size = arguments.Count > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : 100_000;
        var index = SearchIndex.Build(SearchCorpus.Get(size));
        var content = (IndexContent)typeof(SearchIndex).GetField("_content", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(index)!;
        for (var warm = Stopwatch.StartNew(); warm.ElapsedMilliseconds < 3_000;)
        {
            foreach (var query in SearchWorkload.Mix)
            {
                index.Search(query);
                QueryPlan.Create(query.Text, content.Vocabulary);
            }
        }

        if (arguments.Count > 1 && arguments[1] == "loop")
        {
            for (var run = Stopwatch.StartNew(); run.ElapsedMilliseconds < 25_000;)
            {
                foreach (var query in SearchWorkload.Mix)
                {
                    index.Search(query);
                }
            }

            return Task.FromResult(0);
        }

        Console.WriteLine("| query | kind | total µs | plan µs | read µs | collect µs | explain µs | plans | lists | postings | touched (last plan) | kept |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (kind, queries) in SearchWorkload.ByKind)
        {
            foreach (var query in queries)
            {
                var total = new List<double>();
                var planning = new List<double>();
                for (var round = 0; round < Rounds; round++)
                {
                    var c = ThreadCpuClock.Microseconds();
                    index.Search(query);
                    total.Add(ThreadCpuClock.Microseconds() - c);
                    c = ThreadCpuClock.Microseconds();
                    QueryPlan.Create(query.Text, content.Vocabulary);
                    planning.Add(ThreadCpuClock.Microseconds() - c);
                }

                var plans = QueryPlan.Create(query.Text, content.Vocabulary);
                var elements = query.DocumentType == SearchIndex.ElementType;
                if (arguments.Count > 1 && query.Text.Contains(arguments[1], StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var l in elements
                        ? ListPlanner.ForElements(plans[0].Plan, content.ElementPostings, content.DocumentPostings, out _)
                        : ListPlanner.ForDocuments(plans[0].Plan, content.DocumentPostings))
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  w{l.Word} {content.Terms[l.TermId]} f{l.Field} weight {l.Weight:0.00} extra {l.Extra:0.00} len {l.Length}"));
                    }
                }

                int lists = 0;
                long postings = 0;
                foreach (var (plan, _) in plans)
                {
                    var scored = elements
                        ? ListPlanner.ForElements(plan, content.ElementPostings, content.DocumentPostings, out _)
                        : ListPlanner.ForDocuments(plan, content.DocumentPostings);
                    lists += scored.Count;
                    postings += scored.Sum(l => (long)l.Length);
                }

                var read = new List<double>();
                var collect = new List<double>();
                var explain = new List<double>();
                int touched = 0, kept = 0;
                var kind2 = string.IsNullOrWhiteSpace(query.DocumentType) ? SearchIndex.AllTypes : query.DocumentType;
                var filter = new DocumentFilter(query, kind2 switch { SearchIndex.AllTypes => null, SearchIndex.ElementType => "workbook", _ => kind2 }, content.OwnerNames, content.OwnerIds, content.Paths, content.Facts);
                var scratch = new SearchScratch(content.Documents.Length, content.Elements.Length);
                for (var round = 0; round < Rounds; round++)
                {
                    double r = 0, h = 0, e = 0;
                    foreach (var (plan, _) in plans)
                    {
                        var context = new SearchContext(content, filter, query.Limit, scratch);
                        var c = ThreadCpuClock.Microseconds();
                        SearchPass pass;
                        int[] numbers;
                        if (elements)
                        {
                            var ls = ListPlanner.ForElements(plan, content.ElementPostings, content.DocumentPostings, out var names);
                            var count = 0;
                            foreach (var list in names)
                            {
                                Accumulation.AddAll(content.DocumentPostings.Get(list.TermId, list.Field), scratch.Documents, scratch.TouchedDocuments, ref count, list);
                            }

                            scratch.TouchedDocumentCount = count;
                            var bound = default(Accumulator);
                            foreach (var number in scratch.TouchedDocuments.AsSpan(0, count))
                            {
                                bound.Score = Math.Max(bound.Score, scratch.Documents[number].Score);
                                bound.Words |= scratch.Documents[number].Words;
                            }

                            pass = new SearchPass(context, plan, true, ls);
                            numbers = new ListReader(pass).Read(bound, float.NegativeInfinity).ToArray();
                        }
                        else
                        {
                            pass = new SearchPass(context, plan, false, ListPlanner.ForDocuments(plan, content.DocumentPostings));
                            numbers = new ListReader(pass).Read(default, float.NegativeInfinity).ToArray();
                        }

                        r += ThreadCpuClock.Microseconds() - c;
                        touched = elements ? scratch.TouchedElementCount : scratch.TouchedDocumentCount;
                        kept = numbers.Length;
                        c = ThreadCpuClock.Microseconds();
                        var top = !elements && plan.Words.Length > 1 ? HitCollector.BestWithElementBonus(pass, numbers) : HitCollector.Best(pass, numbers);
                        h += ThreadCpuClock.Microseconds() - c;
                        c = ThreadCpuClock.Microseconds();
                        var explainer = new HitExplainer(content, plan);
                        foreach (var hit in top.ToSortedList())
                        {
                            if (elements) { explainer.Element(hit.Id, hit.Score, scratch.Elements[hit.Id]); } else { explainer.Document(hit.Id, hit.Score, scratch.Documents[hit.Id]); }
                        }

                        e += ThreadCpuClock.Microseconds() - c;
                        scratch.Clear();
                    }

                    read.Add(r);
                    collect.Add(h);
                    explain.Add(e);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {query.Text} | {kind} | {Median(total):0} | {Median(planning):0} | {Median(read):0} | {Median(collect):0} | {Median(explain):0} | {plans.Count} | {lists} | {postings:N0} | {touched:N0} | {kept:N0} |"));
            }
        }

        return Task.FromResult(0);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
