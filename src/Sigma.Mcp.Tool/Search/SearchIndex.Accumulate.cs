using System.Numerics;

namespace Sigma.Mcp.Tool.Search;

/// <summary>The inner loops: adding a posting list to the accumulators, and the bonuses applied at the end.</summary>
internal sealed partial class SearchIndex
{
    // Per (word, field) the first posting seen is the best (lists run by weight, highest first); a word's other
    // fields add their extra. A number is "touched" when its first bit is set.
    private static void Accumulate(ReadOnlySpan<int> postings, Accumulator[] accumulators, int[] touched, ref int touchedCount, in ScoredList list)
    {
        var seenBit = 1UL << ((list.Field * 8) + list.Word);
        foreach (var number in postings)
        {
            ref var a = ref accumulators[number];
            if ((a.Seen & seenBit) != 0)
            {
                continue;
            }

            if (a.Seen == 0)
            {
                touched[touchedCount++] = number;
            }

            Add(ref a, seenBit, list);
        }
    }

    // Continue mode: only the candidates (ascending) get the list's postings: a merge when both are of similar
    // length, galloping through the list when it is much longer.
    private static void AccumulateExisting(ReadOnlySpan<int> postings, ReadOnlySpan<int> candidates, Accumulator[] accumulators, in ScoredList list)
    {
        var seenBit = 1UL << ((list.Field * 8) + list.Word);
        var gallop = postings.Length > candidates.Length * 16;
        var position = 0;
        foreach (var number in candidates)
        {
            if (gallop)
            {
                position = Gallop(postings, position, number);
            }
            else
            {
                while (position < postings.Length && postings[position] < number)
                {
                    position++;
                }
            }

            if (position >= postings.Length)
            {
                return;
            }

            ref var a = ref accumulators[number];
            if (postings[position] == number && (a.Seen & seenBit) == 0)
            {
                Add(ref a, seenBit, list);
            }
        }
    }

    // The first index at or after `from` whose value is >= `value`: doubling steps, then a binary search.
    private static int Gallop(ReadOnlySpan<int> postings, int from, int value)
    {
        var step = 1;
        var high = from;
        while (high < postings.Length && postings[high] < value)
        {
            from = high + 1;
            high += step;
            step <<= 1;
        }

        high = Math.Min(high, postings.Length);
        var found = postings[from..high].BinarySearch(value);
        return from + (found >= 0 ? found : ~found);
    }

    private static void Add(ref Accumulator a, ulong seenBit, in ScoredList list)
    {
        var wordBit = (byte)(1 << list.Word);
        a.Seen |= seenBit;
        if ((a.Words & wordBit) == 0)
        {
            a.Words |= wordBit;
            a.Score += list.Weight;
        }
        else
        {
            a.Score += list.Extra;
        }

        if (list.ExactName)
        {
            a.NameExact |= wordBit;
        }
    }

    // Coverage and name bonuses, common to documents and elements. Never lowers as more lists are read, so a score
    // taken before the end is a lower bound of the final one.
    private static float Finish(in Accumulator a, int nameTokens, QueryPlan plan)
    {
        var score = a.Score;
        if (plan.Covers(a.Words))
        {
            score += SearchWeights.AllWords;
        }

        var nameWords = a.NameWords;
        if (nameWords != 0)
        {
            if (plan.Covers(nameWords))
            {
                score += SearchWeights.NameCoversQuery;
                if (a.NameExact == plan.EveryWord && nameTokens == plan.TokenCount)
                {
                    score += SearchWeights.ExactName;
                }
            }

            var extra = Math.Clamp(nameTokens - BitOperations.PopCount(nameWords), 0, SearchWeights.MaxExtraNameTokens);
            score -= SearchWeights.ExtraNameToken * extra;
        }

        return score;
    }
}
