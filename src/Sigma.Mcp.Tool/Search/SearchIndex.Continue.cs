namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Continue mode of max-score pruning: once no newcomer can reach the threshold, only the survivors (numbers that
/// still can) read the remaining lists, by probing; before each long list the survivors are culled again, since
/// what a number can still gain shrinks as lists are read.
/// </summary>
internal sealed partial class SearchIndex
{
    private ReadOnlySpan<int> Continue(
        ReadOnlySpan<int> touched, List<ScoredList> lists, int from, bool elements, QueryPlan plan, DocumentFilter filter, SearchScratch scratch, float threshold)
    {
        var postings = elements ? _elementPostings : _documentPostings;
        var accumulators = elements ? scratch.Elements : scratch.Documents;
        var survivors = elements ? scratch.CandidateElements : scratch.CandidateDocuments;
        var count = Keep(touched, survivors, lists, from, elements, plan, filter, scratch, threshold, out var matchedByAll);
        survivors.AsSpan(0, count).Sort();
        for (var j = from; j < lists.Count; j++)
        {
            var list = lists[j];
            if (j > from && list.Length > count)
            {
                count = Keep(survivors.AsSpan(0, count), survivors, lists, j, elements, plan, null, scratch, threshold, out matchedByAll);
            }

            // A list of a word every survivor has matched can add only extras; without extras, skip it (but not a
            // document's element names, which the element bonus looks at).
            var bonusField = !elements && plan.Words.Length > 1 && list.Field == (int)SearchField.Element;
            if (list.Extra > 0 || (matchedByAll & (1 << list.Word)) == 0 || bonusField)
            {
                AccumulateExisting(postings.Get(list.TermId, list.Field), survivors.AsSpan(0, count), accumulators, list);
            }
        }

        return survivors.AsSpan(0, count);
    }

    // Copies to `into` (in order; may be the same memory) the numbers that pass the filter and can still reach the
    // threshold with lists `from` on, and returns how many; `matchedByAll` gets the words all of them have matched.
    private int Keep(
        ReadOnlySpan<int> numbers,
        int[] into,
        List<ScoredList> lists,
        int from,
        bool elements,
        QueryPlan plan,
        DocumentFilter? filter,
        SearchScratch scratch,
        float threshold,
        out byte matchedByAll)
    {
        var remaining = new RemainingBounds(lists, from, elements ? SearchWeights.ElementFieldCount : SearchWeights.FieldCount);
        var count = 0;
        matchedByAll = plan.EveryWord;
        foreach (var number in numbers)
        {
            var document = elements ? _elementDocument[number] : number;
            var own = elements ? scratch.Elements[number] : scratch.Documents[number];
            var context = elements ? scratch.Documents[document] : default;
            var bound = remaining.UpperBound(own, context, plan)
                + DocumentBonus(document, plan) + LateBonus(elements, plan, own, remaining) + Epsilon;
            if (bound >= threshold && (filter?.Allows(document, _facts[document]) ?? true))
            {
                into[count++] = number;
                matchedByAll &= own.Words;
            }
        }

        return count;
    }
}
