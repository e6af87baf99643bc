namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Thresholds for max-score pruning: the complete scores of a few leading numbers, whose k-th best no final top-k
/// can fall below. Leaders are the best so far and, for several words, the first numbers with every word exactly
/// in the name, which are usually the top and are found before their lists are all read.
/// </summary>
internal sealed class Leaders(SearchPass pass)
{
    private const int NameLeaderCount = 30;

    private int[]? _nameLeaders;

    /// <summary>
    /// The k-th best complete score among the leaders, when lists <paramref name="from"/> on are not read yet;
    /// negative infinity when fewer than k pass the filter.
    /// </summary>
    public float Threshold(ReadOnlySpan<int> touched, int from)
    {
        var best = new TopHits((2 * pass.Limit) + 10);
        foreach (var number in touched)
        {
            var score = pass.Scorer.Evaluate(number, out var document);
            if (best.CouldAccept(score) && pass.Index.Allows(pass.Filter, document))
            {
                best.Offer(score, number);
            }
        }

        var final = new TopHits(pass.Limit);
        var offered = new HashSet<int>();
        foreach (var (_, number) in best.ToSortedList())
        {
            offered.Add(number);
            final.Offer(Complete(number, from), number);
        }

        // Not necessarily touched yet: completed from the first list (lists already read find their bits set).
        foreach (var number in _nameLeaders ??= NameLeaders())
        {
            if (pass.Allows(number) && offered.Add(number))
            {
                final.Offer(Complete(number, 0), number);
            }
        }

        return final.Threshold;
    }

    // The final score of a number, probing lists `from` on for what its accumulator does not have yet.
    private float Complete(int number, int from)
    {
        var lists = pass.Lists;
        var accumulator = pass.Accumulators[number];
        for (var j = from; j < lists.Count; j++)
        {
            var list = lists[j];
            var seenBit = Accumulation.SeenBit(list);
            if ((accumulator.Seen & seenBit) == 0 && pass.Postings.Contains(list.TermId, list.Field, number))
            {
                Accumulation.Add(ref accumulator, seenBit, list);
            }
        }

        return pass.Scorer.Evaluate(number, accumulator, out _);
    }

    // The first numbers whose name has every query word exactly: an intersection of the exact name lists, walking
    // the shortest and galloping through the others.
    private int[] NameLeaders()
    {
        var plan = pass.Plan;
        if (plan.Words.Length < 2)
        {
            return [];
        }

        var nameLists = new List<ScoredList>();
        for (var word = 0; word < plan.Words.Length; word++)
        {
            var index = pass.Lists.FindIndex(l => l.Word == word && l.Field == 0 && l.ExactName);
            if (index < 0)
            {
                return [];
            }

            nameLists.Add(pass.Lists[index]);
        }

        nameLists.Sort((a, b) => a.Length.CompareTo(b.Length));
        var positions = new int[nameLists.Count];
        var leaders = new List<int>(NameLeaderCount);
        foreach (var number in pass.Postings.Get(nameLists[0].TermId, 0))
        {
            var inAll = true;
            for (var k = 1; k < nameLists.Count && inAll; k++)
            {
                var other = pass.Postings.Get(nameLists[k].TermId, 0);
                positions[k] = SortedInts.Gallop(other, positions[k], number);
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
