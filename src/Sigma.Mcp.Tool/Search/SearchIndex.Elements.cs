namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Element-level search: elements are ranked on their name and columns, with their document's name as context
/// ("order lines revenue dashboard"), which is accumulated per document (first) rather than copied to every element.
/// </summary>
internal sealed partial class SearchIndex
{
    private List<RankedHit> SearchElements(QueryPlan plan, DocumentFilter filter, int limit, SearchScratch scratch, float floor)
    {
        var context = new List<ScoredList>();
        var lists = new List<ScoredList>();
        for (var word = 0; word < plan.Words.Length; word++)
        {
            var queryWord = plan.Words[word];
            foreach (var match in queryWord.Matches)
            {
                var length = _elementPostings.Length(match.TermId, 0);
                if (length > 0)
                {
                    lists.Add(ScoredList.Create(word, 0, match, SearchWeights.ElementName, isName: true, length));
                }

                length = _elementPostings.Length(match.TermId, 1);
                if (length > 0 && !IsShortPrefix(queryWord, match))
                {
                    lists.Add(ScoredList.Create(word, 1, match, SearchWeights.ElementColumn, isName: false, length));
                }

                length = _documentPostings.Length(match.TermId, (int)SearchField.Name);
                if (length > 0)
                {
                    context.Add(ScoredList.Create(word, (int)SearchField.Name, match, SearchWeights.ElementDocumentName, isName: false, length));
                }
            }
        }

        context.Sort(ScoredList.Compare);
        lists.Sort(ScoredList.Compare);
        var contextBound = ReadContext(context, scratch);
        var numbers = ReadLists(lists, elements: true, plan, filter, limit, scratch, contextBound, floor);
        var top = new TopHits(limit);
        foreach (var number in numbers)
        {
            var score = Evaluate(number, elements: true, plan, scratch, out var document);
            if (top.CouldAccept(score) && filter.Allows(document, _facts[document]))
            {
                top.Offer(score, number);
            }
        }

        var matched = plan.MatchedTermIds();
        return [.. top.ToSortedList().Select(hit => new RankedHit(
            ExplainElement(hit.Id, hit.Score, scratch.Elements[hit.Id], plan, matched),
            hit.Id,
            OriginalWords((byte)(scratch.Elements[hit.Id].Words | scratch.Documents[_elementDocument[hit.Id]].Words), plan)))];
    }

    // Documents' names into the document accumulators; returns the most any one document's context can add to an element.
    private Accumulator ReadContext(List<ScoredList> context, SearchScratch scratch)
    {
        var count = 0;
        foreach (var list in context)
        {
            Accumulate(_documentPostings.Get(list.TermId, list.Field), scratch.Documents, scratch.TouchedDocuments, ref count, list);
        }

        scratch.TouchedDocumentCount = count;
        var bound = default(Accumulator);
        for (var i = 0; i < count; i++)
        {
            ref readonly var document = ref scratch.Documents[scratch.TouchedDocuments[i]];
            bound.Score = Math.Max(bound.Score, document.Score);
            bound.Words |= document.Words;
        }

        return bound;
    }
}
