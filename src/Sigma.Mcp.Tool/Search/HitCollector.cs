using System.Buffers;

namespace Sigma.Mcp.Tool.Search;

/// <summary>The best k of the numbers a pass's reading left, with the element bonus for document searches of several words.</summary>
internal static class HitCollector
{
    /// <summary>The best <see cref="SearchPass.Limit"/> numbers that pass the filter, by final score.</summary>
    public static TopHits Best(SearchPass pass, ReadOnlySpan<int> numbers)
    {
        var top = new TopHits(pass.Limit);
        foreach (var number in numbers)
        {
            var score = pass.Scorer.Evaluate(number, out var document);
            if (top.CouldAccept(score) && pass.Index.Allows(pass.Filter, document))
            {
                top.Offer(score, number);
            }
        }

        return top;
    }

    /// <summary>
    /// Document search: as <see cref="Best"/>, with the element bonus. The bonus needs a look at each element's name,
    /// so it is computed best-first and only for documents it can still lift into the top: the k best scores without
    /// it are a floor no final top-k falls below, and only a document whose element names together have every word
    /// can get it.
    /// </summary>
    public static TopHits BestWithElementBonus(SearchPass pass, ReadOnlySpan<int> numbers)
    {
        var candidates = ArrayPool<(float Bound, float Score, int Number)>.Shared.Rent(numbers.Length);
        try
        {
            var withoutBonus = new TopHits(pass.Limit);
            var count = 0;
            foreach (var number in numbers)
            {
                var score = pass.Scorer.Evaluate(number, out _);
                var bonus = Scorer.ElementBonusBound(pass.Plan, Scorer.ElementWords(pass.Accumulators[number]));
                var bound = bonus > 0f ? score + bonus : score;
                if (withoutBonus.CouldAccept(bound) && pass.Allows(number))
                {
                    withoutBonus.Offer(score, number);
                    candidates[count++] = (bound, score, number);
                }
            }

            // The k best without the bonus are a floor of the final top k: a candidate bound below it is out. Then
            // best bound first, and numbers ascending among equals, so that the element lists are walked forward.
            var floor = withoutBonus.Threshold;
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                if (candidates[i].Bound >= floor)
                {
                    candidates[kept++] = candidates[i];
                }
            }

            var span = candidates.AsSpan(0, kept);
            SortByBound(span);
            var names = new ElementNameLists(pass.Plan, pass.Index.ElementPostings);
            var top = new TopHits(pass.Limit);
            var looks = 0;
            for (var i = 0; i < span.Length; i++)
            {
                var (bound, score, number) = span[i];
                if (!top.CouldAccept(bound))
                {
                    break;
                }

                if (bound != score && ++looks > BestFirstLooks)
                {
                    OfferInNumberOrder(pass, span[i..], top);
                    break;
                }

                // One element named with every query word ("churn rate by segment"), more if named exactly that.
                top.Offer(score + (bound == score ? 0f : ElementBonus(pass, number, names)), number);
            }

            return top;
        }
        finally
        {
            ArrayPool<(float Bound, float Score, int Number)>.Shared.Return(candidates);
        }
    }

    // Best first, a look at a document's element names is a binary search per list, far from the last; when the
    // top is still open after this many, the rest are looked at in number order, which walks each list forward once.
    private const int BestFirstLooks = 32;

    // The candidates that can still enter, in number order; the top does not depend on the order it was offered in.
    private static void OfferInNumberOrder(SearchPass pass, Span<(float Bound, float Score, int Number)> rest, TopHits top)
    {
        var keys = ArrayPool<int>.Shared.Rent(rest.Length);
        try
        {
            var count = 0;
            foreach (var candidate in rest)
            {
                if (top.CouldAccept(candidate.Bound))
                {
                    rest[count] = candidate;
                    keys[count++] = candidate.Number;
                }
            }

            var ordered = rest[..count];
            keys.AsSpan(0, count).Sort(ordered);
            var names = new ElementNameLists(pass.Plan, pass.Index.ElementPostings);
            foreach (var (bound, score, number) in ordered)
            {
                if (top.CouldAccept(bound))
                {
                    top.Offer(score + (bound == score ? 0f : ElementBonus(pass, number, names)), number);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(keys);
        }
    }

    /// <summary>Document search, several words: what the document's element names add ("churn rate by segment").</summary>
    public static float ElementBonus(SearchPass pass, int number, ElementNameLists names) => ElementCoversQuery(pass, number, names) switch
    {
        2 => SearchWeights.ElementCoversQuery + SearchWeights.ElementExactName,
        1 => SearchWeights.ElementCoversQuery,
        _ => 0f,
    };

    // 2 when one of the document's elements is named exactly the query, 1 when one has every required word in its name, else 0.
    private static int ElementCoversQuery(SearchPass pass, int number, ElementNameLists names)
    {
        var index = pass.Index;
        int start = index.ElementStart[number], count = index.ElementStart[number + 1] - start;
        if (count == 0)
        {
            return 0;
        }

        Span<byte> words = count <= 1024 ? stackalloc byte[count] : new byte[count];
        words.Clear();
        for (var m = 0; m < names.Count; m++)
        {
            var list = index.ElementPostings.Get(names.TermIds[m], 0);
            var bit = (byte)(1 << names.Words[m]);
            var position = names.Cursors[m];
            position = position > 0 && list[position - 1] >= start ? SortedInts.LowerBound(list[..position], start) : SortedInts.Gallop(list, position, start);
            for (; position < list.Length && list[position] < start + count; position++)
            {
                words[list[position] - start] |= bit;
            }

            names.Cursors[m] = position;
        }

        var plan = pass.Plan;
        var covers = 0;
        for (var i = 0; i < count; i++)
        {
            if (words[i] == plan.EveryWord && index.ElementNameTokens[start + i] == plan.TokenCount)
            {
                return 2;
            }

            covers |= plan.Covers(words[i]) ? 1 : 0;
        }

        return covers;
    }

    /// <summary>
    /// Best bound first, numbers ascending among equals (numbers are distinct). Sorts one 64-bit key per candidate
    /// (the bound's bits in an order that sorts as the floats do, reversed, then the number) as integers: on the
    /// thousands of candidates of a long query, cheaper than a sort through a comparison delegate.
    /// </summary>
    internal static void SortByBound(Span<(float Bound, float Score, int Number)> candidates)
    {
        var keys = ArrayPool<ulong>.Shared.Rent(candidates.Length);
        var order = ArrayPool<int>.Shared.Rent(candidates.Length);
        var sorted = ArrayPool<(float Bound, float Score, int Number)>.Shared.Rent(candidates.Length);
        try
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                keys[i] = ((ulong)~OrderedBits(candidates[i].Bound) << 32) | (uint)candidates[i].Number;
                order[i] = i;
            }

            keys.AsSpan(0, candidates.Length).Sort(order.AsSpan(0, candidates.Length));
            for (var i = 0; i < candidates.Length; i++)
            {
                sorted[i] = candidates[order[i]];
            }

            sorted.AsSpan(0, candidates.Length).CopyTo(candidates);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<(float Bound, float Score, int Number)>.Shared.Return(sorted);
        }
    }

    // A float's bits, flipped so that unsigned order is the floats' order (negatives below positives).
    private static uint OrderedBits(float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }
}
