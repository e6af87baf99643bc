namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Reading posting lists into accumulators, with max-score pruning. Lists are read by weight, highest first. Before
/// a long list, a checkpoint scores a few leading candidates completely (probing the lists left), which gives a
/// threshold no final top-k can fall below; when no number not yet seen could reach it, the search stops adding
/// numbers and only completes those that still can. So the long lists of common words ("date", "name") cost a few
/// probes once names have decided the top.
/// </summary>
internal sealed partial class SearchIndex
{
    // The best badge's score: what a number not yet seen may add after the lists.
    private const float MaxBadge = 3f;

    // A list this long (or longer than half the numbers seen so far) is worth a checkpoint before it.
    private const int LongList = 2048;

    // Float sums in another order can differ in the last bits: prune only what is clearly out.
    private const float Epsilon = 0.01f;

    /// <summary>Reads <paramref name="lists"/>; returns the numbers (documents or elements) that can be hits.</summary>
    private ReadOnlySpan<int> ReadLists(
        List<ScoredList> lists, bool elements, QueryPlan plan, DocumentFilter filter, int limit, SearchScratch scratch, in Accumulator newcomerContext)
    {
        var postings = elements ? _elementPostings : _documentPostings;
        var accumulators = elements ? scratch.Elements : scratch.Documents;
        var touched = elements ? scratch.TouchedElements : scratch.TouchedDocuments;
        var count = 0;
        var threshold = float.NegativeInfinity;
        var checkedCount = 0;
        for (var i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            if (count >= limit && count >= 2 * checkedCount && list.Length >= Math.Min(LongList, count / 2))
            {
                checkedCount = count;
                var remaining = new RemainingBounds(lists, i, elements ? SearchWeights.ElementFieldCount : SearchWeights.FieldCount);
                var newcomer = remaining.UpperBound(default, newcomerContext, plan)
                    + MaxBadge + LateBonus(elements, plan, default, remaining) + Epsilon;
                if (newcomer >= threshold)
                {
                    threshold = Math.Max(threshold, Leaders(touched.AsSpan(0, count), lists, i, elements, plan, filter, limit, scratch));
                }

                if (newcomer < threshold)
                {
                    SetTouched(scratch, elements, count);
                    var survivors = Survivors(touched.AsSpan(0, count), elements, plan, filter, scratch, remaining, threshold, out var matchedByAll);
                    for (var j = i; j < lists.Count; j++)
                    {
                        // A list of a word every survivor has matched can add only extras; without extras, skip it
                        // (but not a document's element names, which the element bonus looks at).
                        list = lists[j];
                        var bonusField = !elements && plan.Words.Length > 1 && list.Field == (int)SearchField.Element;
                        if (list.Extra > 0 || (matchedByAll & (1 << list.Word)) == 0 || bonusField)
                        {
                            AccumulateExisting(postings.Get(list.TermId, list.Field), survivors, accumulators, list);
                        }
                    }

                    return survivors;
                }
            }

            Accumulate(postings.Get(list.TermId, list.Field), accumulators, touched, ref count, list);
        }

        SetTouched(scratch, elements, count);
        return touched.AsSpan(0, count);
    }

    /// <summary>
    /// The k-th best final score among the leading numbers (by score so far), each completed by probing lists
    /// <paramref name="from"/> on: a lower bound of the final k-th best. Negative infinity if fewer than k pass the filter.
    /// </summary>
    private float Leaders(
        ReadOnlySpan<int> numbers, List<ScoredList> lists, int from, bool elements, QueryPlan plan, DocumentFilter filter, int limit, SearchScratch scratch)
    {
        var leaders = new TopHits((2 * limit) + 10);
        foreach (var number in numbers)
        {
            var score = Evaluate(number, elements, plan, scratch, out var document);
            if (leaders.CouldAccept(score) && filter.Allows(_facts[document]))
            {
                leaders.Offer(score, number);
            }
        }

        var postings = elements ? _elementPostings : _documentPostings;
        var final = new TopHits(limit);
        foreach (var (_, number) in leaders.ToSortedList())
        {
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

            final.Offer(Evaluate(number, accumulator, elements, plan, scratch, out _), number);
        }

        return final.Threshold;
    }

    // The numbers that pass the filter and could still reach the threshold, ascending (for probing the lists), and
    // the words all of them have matched themselves.
    private Span<int> Survivors(
        ReadOnlySpan<int> numbers,
        bool elements,
        QueryPlan plan,
        DocumentFilter filter,
        SearchScratch scratch,
        RemainingBounds remaining,
        float threshold,
        out byte matchedByAll)
    {
        var survivors = elements ? scratch.CandidateElements : scratch.CandidateDocuments;
        var count = 0;
        matchedByAll = plan.AllWords;
        foreach (var number in numbers)
        {
            var document = elements ? _elementDocument[number] : number;
            var own = elements ? scratch.Elements[number] : scratch.Documents[number];
            var context = elements ? scratch.Documents[document] : default;
            var bound = remaining.UpperBound(own, context, plan)
                + SearchWeights.Badge(_facts[document].Badge) + LateBonus(elements, plan, own, remaining) + Epsilon;
            if (bound >= threshold && filter.Allows(_facts[document]))
            {
                survivors[count++] = number;
                matchedByAll &= own.Words;
            }
        }

        var result = survivors.AsSpan(0, count);
        result.Sort();
        return result;
    }

    // The element bonus a document could still get: only if its element names can still have every word.
    private static float LateBonus(bool elements, QueryPlan plan, in Accumulator own, RemainingBounds remaining) =>
        !elements && plan.Words.Length > 1 && (ElementWords(own) | remaining.ElementWords) == plan.AllWords
            ? SearchWeights.ElementCoversQuery
            : 0f;

    private static byte ElementWords(in Accumulator a) => (byte)(a.Seen >> ((int)SearchField.Element * 8));

    /// <summary>The final score of a document or element as accumulated so far (a lower bound until all lists are read).</summary>
    private float Evaluate(int number, bool elements, QueryPlan plan, SearchScratch scratch, out int document) =>
        Evaluate(number, elements ? scratch.Elements[number] : scratch.Documents[number], elements, plan, scratch, out document);

    private float Evaluate(int number, in Accumulator own, bool elements, QueryPlan plan, SearchScratch scratch, out int document)
    {
        if (!elements)
        {
            document = number;
            return Finish(own, _facts[number].NameTokens, plan) + SearchWeights.Badge(_facts[number].Badge);
        }

        document = _elementDocument[number];
        var combined = WithContext(own, scratch.Documents[document]);
        return Finish(combined, _elementNameTokens[number], plan) + SearchWeights.Badge(_facts[document].Badge);
    }

    // The document's name adds to its element's score and word coverage; the name bonuses stay the element's own.
    private static Accumulator WithContext(Accumulator element, in Accumulator document)
    {
        element.Score += document.Score;
        element.Words |= document.Words;
        return element;
    }

    private static void SetTouched(SearchScratch scratch, bool elements, int count)
    {
        if (elements)
        {
            scratch.TouchedElementCount = count;
        }
        else
        {
            scratch.TouchedDocumentCount = count;
        }
    }
}
