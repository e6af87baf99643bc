namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Thresholds for max-score pruning: the complete scores of a few leading numbers, whose k-th best no final top-k
/// can fall below. Leaders are the best so far and, for several words, the first numbers with every word exactly
/// in the name, which are usually the top and are found before their lists are all read.
/// </summary>
internal sealed partial class SearchIndex
{
    private const int NameLeaderCount = 30;

    /// <summary>The k-th best complete score among the leaders; negative infinity when fewer than k pass the filter.</summary>
    private float Leaders(
        ReadOnlySpan<int> numbers,
        int[] nameLeaders,
        List<ScoredList> lists,
        int from,
        bool elements,
        QueryPlan plan,
        DocumentFilter filter,
        int limit,
        SearchScratch scratch)
    {
        var best = new TopHits((2 * limit) + 10);
        foreach (var number in numbers)
        {
            var score = Evaluate(number, elements, plan, scratch, out var document);
            if (best.CouldAccept(score) && filter.Allows(document, _facts[document]))
            {
                best.Offer(score, number);
            }
        }

        var final = new TopHits(limit);
        var offered = new HashSet<int>();
        foreach (var (_, number) in best.ToSortedList())
        {
            offered.Add(number);
            final.Offer(Complete(number, lists, from, elements, plan, scratch), number);
        }

        // Not necessarily touched yet: completed from the first list (lists already read find their bits set).
        foreach (var number in nameLeaders)
        {
            if (filter.Allows(elements ? _elementDocument[number] : number, _facts[elements ? _elementDocument[number] : number]) && offered.Add(number))
            {
                final.Offer(Complete(number, lists, 0, elements, plan, scratch), number);
            }
        }

        return final.Threshold;
    }

    // The final score of a number, probing lists `from` on for what its accumulator does not have yet.
    private float Complete(int number, List<ScoredList> lists, int from, bool elements, QueryPlan plan, SearchScratch scratch)
    {
        var postings = elements ? _elementPostings : _documentPostings;
        var accumulator = elements ? scratch.Elements[number] : scratch.Documents[number];
        for (var j = from; j < lists.Count; j++)
        {
            var list = lists[j];
            var seenBit = 1UL << ((list.Field * 8) + list.Word);
            if ((accumulator.Seen & seenBit) == 0 && postings.Contains(list.TermId, list.Field, number))
            {
                Add(ref accumulator, seenBit, list);
            }
        }

        return Evaluate(number, accumulator, elements, plan, scratch, out _);
    }

    // The first numbers whose name has every query word exactly: an intersection of the exact name lists, walking
    // the shortest and galloping through the others.
    private int[] NameLeaders(List<ScoredList> lists, bool elements, QueryPlan plan)
    {
        if (plan.Words.Length < 2)
        {
            return [];
        }

        var nameLists = new List<ScoredList>();
        for (var word = 0; word < plan.Words.Length; word++)
        {
            var index = lists.FindIndex(l => l.Word == word && l.Field == 0 && l.ExactName);
            if (index < 0)
            {
                return [];
            }

            nameLists.Add(lists[index]);
        }

        nameLists.Sort((a, b) => a.Length.CompareTo(b.Length));
        var postings = elements ? _elementPostings : _documentPostings;
        var positions = new int[nameLists.Count];
        var leaders = new List<int>(NameLeaderCount);
        foreach (var number in postings.Get(nameLists[0].TermId, 0))
        {
            var inAll = true;
            for (var k = 1; k < nameLists.Count && inAll; k++)
            {
                var other = postings.Get(nameLists[k].TermId, 0);
                positions[k] = Gallop(other, positions[k], number);
                inAll = positions[k] < other.Length && other[positions[k]] == number;
            }

            if (inAll)
            {
                leaders.Add(number);
                if (leaders.Count == NameLeaderCount)
                {
                    break;
                }
            }
        }

        return [.. leaders];
    }
}
