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
    // A list this long (or longer than half the numbers seen so far) is worth a checkpoint before it.
    private const int LongList = 2048;

    // Float sums in another order can differ in the last bits: prune only what is clearly out.
    private const float Epsilon = 0.01f;

    /// <summary>Reads <paramref name="lists"/>; returns the numbers (documents or elements) that can be hits.</summary>
    private ReadOnlySpan<int> ReadLists(
        List<ScoredList> lists, bool elements, QueryPlan plan, DocumentFilter filter, int limit, SearchScratch scratch, in Accumulator newcomerContext, float floor)
    {
        var postings = elements ? _elementPostings : _documentPostings;
        var accumulators = elements ? scratch.Elements : scratch.Documents;
        var fieldCount = elements ? SearchWeights.ElementFieldCount : SearchWeights.FieldCount;
        var touched = elements ? scratch.TouchedElements : scratch.TouchedDocuments;
        var count = 0;
        // A floor (the k-th best of an earlier search) allows pruning from the first list on.
        var threshold = floor;
        var checkedCount = 0;
        int[]? nameLeaders = null;
        for (var i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            if ((count >= limit || threshold > float.NegativeInfinity) && count >= 2 * checkedCount && list.Length >= Math.Min(LongList, count / 2))
            {
                checkedCount = Math.Max(count, 1);
                var remaining = new RemainingBounds(lists, i, fieldCount);
                var newcomer = remaining.UpperBound(default, newcomerContext, plan)
                    + DocumentPrior.Max + plan.MaxBoost + LateBonus(elements, plan, default, remaining) + Epsilon;
                if (newcomer >= threshold)
                {
                    nameLeaders ??= NameLeaders(lists, elements, plan);
                    var leaders = Leaders(touched.AsSpan(0, count), nameLeaders, lists, i, elements, plan, filter, limit, scratch);
                    threshold = Math.Max(threshold, leaders);
                }

                if (newcomer < threshold)
                {
                    SetTouched(scratch, elements, count);
                    return Continue(touched.AsSpan(0, count), lists, i, elements, plan, filter, scratch, threshold);
                }
            }

            Accumulate(postings.Get(list.TermId, list.Field), accumulators, touched, ref count, list);
        }

        SetTouched(scratch, elements, count);
        return touched.AsSpan(0, count);
    }

    // The element bonus a document could still get: only if its element names can still have every word.
    private static float LateBonus(bool elements, QueryPlan plan, in Accumulator own, RemainingBounds remaining) =>
        !elements && plan.Words.Length > 1 && plan.Covers((byte)(ElementWords(own) | remaining.ElementWords))
            ? SearchWeights.ElementCoversQuery + SearchWeights.ElementExactName
            : 0f;

    // Trust, freshness, and the owner or folder the query names.
    private float DocumentBonus(int document, QueryPlan plan) => _prior[document] + plan.Boost(_facts[document]);

    private static byte ElementWords(in Accumulator a) => (byte)(a.Seen >> ((int)SearchField.Element * 8));

    /// <summary>The final score of a document or element as accumulated so far (a lower bound until all lists are read).</summary>
    private float Evaluate(int number, bool elements, QueryPlan plan, SearchScratch scratch, out int document) =>
        Evaluate(number, elements ? scratch.Elements[number] : scratch.Documents[number], elements, plan, scratch, out document);

    private float Evaluate(int number, in Accumulator own, bool elements, QueryPlan plan, SearchScratch scratch, out int document)
    {
        if (!elements)
        {
            document = number;
            return Finish(own, _facts[number].NameTokens, plan) + DocumentBonus(number, plan);
        }

        document = _elementDocument[number];
        var combined = WithContext(own, scratch.Documents[document]);
        return Finish(combined, _elementNameTokens[number], plan) + DocumentBonus(document, plan);
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
