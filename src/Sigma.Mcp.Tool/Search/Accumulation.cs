namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// The inner loops: adding a posting list's hits to the accumulators. Per (word, field) the first posting seen is
/// the best (lists run by weight, highest first); a word's other fields add their extra. A number is "touched" when
/// its first bit is set.
/// </summary>
internal static class Accumulation
{
    /// <summary>Adds every posting; numbers seen for the first time are appended to <paramref name="touched"/>.</summary>
    public static void AddAll(ReadOnlySpan<int> postings, Accumulator[] accumulators, int[] touched, ref int touchedCount, in ScoredList list)
    {
        var seenBit = SeenBit(list);
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

    /// <summary>
    /// Continue mode: only the candidates (ascending) get the list's postings: a merge when both are of similar
    /// length, galloping through the list when it is much longer.
    /// </summary>
    public static void AddToCandidates(ReadOnlySpan<int> postings, ReadOnlySpan<int> candidates, Accumulator[] accumulators, in ScoredList list)
    {
        var seenBit = SeenBit(list);
        var gallop = postings.Length > candidates.Length * 16;
        var position = 0;
        foreach (var number in candidates)
        {
            if (gallop)
            {
                position = SortedInts.Gallop(postings, position, number);
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

    /// <summary>The bit of <see cref="Accumulator.Seen"/> for the list's (field, word).</summary>
    public static ulong SeenBit(in ScoredList list) => 1UL << ((list.Field * 8) + list.Word);

    public static void Add(ref Accumulator a, ulong seenBit, in ScoredList list)
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
}
