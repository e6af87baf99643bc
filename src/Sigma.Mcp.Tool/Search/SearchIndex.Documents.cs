using System.Buffers;

namespace Sigma.Mcp.Tool.Search;

/// <summary>Document-level search.</summary>
internal sealed partial class SearchIndex
{
    private const float MaxElementBonus = SearchWeights.ElementCoversQuery + SearchWeights.ElementExactName;

    private List<RankedHit> SearchDocuments(QueryPlan plan, DocumentFilter filter, int limit, SearchScratch scratch, float floor)
    {
        var lists = new List<ScoredList>();
        for (var word = 0; word < plan.Words.Length; word++)
        {
            var queryWord = plan.Words[word];
            foreach (var match in queryWord.Matches)
            {
                var shortPrefix = IsShortPrefix(queryWord, match);
                for (var field = 0; field < SearchWeights.FieldCount; field++)
                {
                    var length = _documentPostings.Length(match.TermId, field);
                    if (length > 0 && (!shortPrefix || SearchWeights.CompletesShortPrefix((SearchField)field)))
                    {
                        lists.Add(ScoredList.Create(word, field, match, SearchWeights.Field[field], field == (int)SearchField.Name, length));
                    }
                }
            }
        }

        lists.Sort(ScoredList.Compare);
        var numbers = ReadLists(lists, elements: false, plan, filter, limit, scratch, default, floor);
        var top = plan.Words.Length > 1 ? BestWithElementBonus(numbers, plan, filter, limit, scratch) : Best(numbers, plan, filter, limit, scratch);
        var matched = plan.MatchedTermIds();
        return [.. top.ToSortedList().Select(hit => new RankedHit(
            ExplainDocument(hit.Id, hit.Score, scratch.Documents[hit.Id], plan, matched), hit.Id, OriginalWords(scratch.Documents[hit.Id].Words, plan)))];
    }

    private TopHits Best(ReadOnlySpan<int> numbers, QueryPlan plan, DocumentFilter filter, int limit, SearchScratch scratch)
    {
        var top = new TopHits(limit);
        foreach (var number in numbers)
        {
            var score = Evaluate(number, elements: false, plan, scratch, out _);
            if (top.CouldAccept(score) && filter.Allows(number, _facts[number]))
            {
                top.Offer(score, number);
            }
        }

        return top;
    }

    // The element bonus needs a look at each element's name, so it is computed best-first and only for documents it
    // can still lift into the top: the k best scores without it are a floor no final top-k falls below, and only a
    // document whose element names together have every word can get it.
    private TopHits BestWithElementBonus(ReadOnlySpan<int> numbers, QueryPlan plan, DocumentFilter filter, int limit, SearchScratch scratch)
    {
        var candidates = ArrayPool<(float Bound, float Score, int Number)>.Shared.Rent(numbers.Length);
        try
        {
            var withoutBonus = new TopHits(limit);
            var count = 0;
            foreach (var number in numbers)
            {
                var score = Evaluate(number, elements: false, plan, scratch, out _);
                var bound = plan.Covers(ElementWords(scratch.Documents[number])) ? score + MaxElementBonus : score;
                if (withoutBonus.CouldAccept(bound) && filter.Allows(number, _facts[number]))
                {
                    withoutBonus.Offer(score, number);
                    candidates[count++] = (bound, score, number);
                }
            }

            // Best bound first, and numbers ascending among equals, so that the element lists are walked forward.
            var span = candidates.AsSpan(0, count);
            span.Sort(static (a, b) => a.Bound != b.Bound ? b.Bound.CompareTo(a.Bound) : a.Number.CompareTo(b.Number));
            var names = new ElementNameLists(plan, _elementPostings);
            var top = new TopHits(limit);
            foreach (var (bound, score, number) in span)
            {
                if (!top.CouldAccept(bound))
                {
                    break;
                }

                // One element named with every query word ("churn rate by segment"), more if named exactly that.
                var bonus = bound == score ? 0f : ElementCoversQuery(number, plan, names) switch
                {
                    2 => SearchWeights.ElementCoversQuery + SearchWeights.ElementExactName,
                    1 => SearchWeights.ElementCoversQuery,
                    _ => 0f,
                };
                top.Offer(score + bonus, number);
            }

            return top;
        }
        finally
        {
            ArrayPool<(float Bound, float Score, int Number)>.Shared.Return(candidates);
        }
    }

    // 2 when one of the document's elements is named exactly the query, 1 when one has every required word in its name, else 0.
    private int ElementCoversQuery(int number, QueryPlan plan, ElementNameLists names)
    {
        int start = _elementStart[number], count = _elementStart[number + 1] - start;
        if (count == 0)
        {
            return 0;
        }

        Span<byte> words = count <= 1024 ? stackalloc byte[count] : new byte[count];
        words.Clear();
        for (var m = 0; m < names.Count; m++)
        {
            var list = _elementPostings.Get(names.TermIds[m], 0);
            var bit = (byte)(1 << names.Words[m]);
            var position = names.Cursors[m];
            position = position > 0 && list[position - 1] >= start ? LowerBound(list[..position], start) : Gallop(list, position, start);
            for (; position < list.Length && list[position] < start + count; position++)
            {
                words[list[position] - start] |= bit;
            }

            names.Cursors[m] = position;
        }

        var covers = 0;
        for (var i = 0; i < count; i++)
        {
            if (words[i] == plan.EveryWord && _elementNameTokens[start + i] == plan.TokenCount)
            {
                return 2;
            }

            covers |= plan.Covers(words[i]) ? 1 : 0;
        }

        return covers;
    }

    private static int LowerBound(ReadOnlySpan<int> list, int value)
    {
        var found = list.BinarySearch(value);
        return found >= 0 ? found : ~found;
    }

    // The literal query's words that a plan's words stand for.
    private static byte OriginalWords(byte words, QueryPlan plan)
    {
        byte original = 0;
        for (var word = 0; word < plan.Words.Length; word++)
        {
            if ((words & (1 << word)) != 0 && plan.Words[word].Original >= 0)
            {
                original |= (byte)(1 << plan.Words[word].Original);
            }
        }

        return original;
    }

    // Two or three letters complete to many terms: those completions count in names, not in long texts or columns.
    private static bool IsShortPrefix(QueryWord word, TermMatch match) =>
        word.Text.Length < 4 && match.Quality < SearchWeights.Exact;
}
