using System.Numerics;
using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Turns the best numbers into hits, saying where they matched. Runs for the returned hits only, using the
/// accumulators' (field, word) bits to look at the fields that matched.
/// </summary>
internal sealed partial class SearchIndex
{
    private SearchHit ExplainDocument(int number, float score, in Accumulator accumulator, QueryPlan plan, HashSet<int> matched)
    {
        Span<float> totals = stackalloc float[SearchWeights.FieldCount];
        var viaElements = false;
        for (var word = 0; word < plan.Words.Length; word++)
        {
            var (bestField, bestWeight) = (-1, 0f);
            for (var field = 0; field < SearchWeights.FieldCount; field++)
            {
                if ((accumulator.Seen & (1UL << ((field * 8) + word))) == 0)
                {
                    continue;
                }

                var weight = SearchWeights.Field[field] * BestQuality(_documentPostings, plan.Words[word], field, number);
                if (weight > bestWeight)
                {
                    (bestField, bestWeight) = (field, weight);
                }
            }

            if (bestField >= 0)
            {
                totals[bestField] += bestWeight;
                viaElements |= bestField >= (int)SearchField.Element;
            }
        }

        var best = 0;
        for (var field = 1; field < totals.Length; field++)
        {
            best = totals[field] > totals[best] ? field : best;
        }

        var document = _documents[number];
        var (element, column) = viaElements ? BestElement(number, plan, matched) : (null, null);
        var text = (SearchField)best switch
        {
            SearchField.Name => document.Name,
            SearchField.Description => document.Description,
            SearchField.Path => document.Path,
            SearchField.Tag => FirstMatching(document.Tags, matched),
            SearchField.Owner => document.OwnerName,
            SearchField.Element => element?.Name,
            _ => column,
        };
        return new SearchHit(document, score, element, s_fieldNames[best], text);
    }

    private SearchHit ExplainElement(int number, float score, in Accumulator accumulator, QueryPlan plan, HashSet<int> matched)
    {
        var element = _elements[number];
        var nameScore = BitOperations.PopCount(accumulator.NameWords) * SearchWeights.ElementName;
        var columnScore = BitOperations.PopCount((byte)(accumulator.Seen >> 8)) * SearchWeights.ElementColumn;
        return nameScore >= columnScore
            ? new SearchHit(_documents[_elementDocument[number]], score, element, "element", element.Name)
            : new SearchHit(_documents[_elementDocument[number]], score, element, "column", FirstMatching(element.Columns, matched));
    }

    // The element of a document that best matches the query (name ×10, columns ×3 per word), and its matching column.
    private (CachedElement? Element, string? Column) BestElement(int number, QueryPlan plan, HashSet<int> matched)
    {
        int start = _elementStart[number], count = _elementStart[number + 1] - start, words = plan.Words.Length;
        if (count == 0)
        {
            return (null, null);
        }

        var perWord = new float[count * words];
        for (var word = 0; word < words; word++)
        {
            foreach (var match in plan.Words[word].Matches)
            {
                for (var field = 0; field < SearchWeights.ElementFieldCount; field++)
                {
                    var weight = (field == 0 ? SearchWeights.ElementName : SearchWeights.ElementColumn) * match.Quality;
                    foreach (var element in _elementPostings.Between(match.TermId, field, start, start + count))
                    {
                        ref var slot = ref perWord[((element - start) * words) + word];
                        slot = Math.Max(slot, weight);
                    }
                }
            }
        }

        var (best, bestScore) = (0, -1f);
        for (var i = 0; i < count; i++)
        {
            var score = 0f;
            for (var word = 0; word < words; word++)
            {
                score += perWord[(i * words) + word];
            }

            // Of two elements with the same words, the shorter name is the closer one ("credits used by warehouse").
            score -= 0.01f * _elementNameTokens[start + i];
            (best, bestScore) = score > bestScore ? (i, score) : (best, bestScore);
        }

        var found = _elements[start + best];
        return (found, FirstMatching(found.Columns, matched));
    }

    // Matches are in quality order, so the first one present in the field is the word's best there.
    private static float BestQuality(PostingLists postings, QueryWord word, int field, int number)
    {
        foreach (var match in word.Matches)
        {
            if (postings.Contains(match.TermId, field, number))
            {
                return match.Quality;
            }
        }

        return 0f;
    }

    private string? FirstMatching(IEnumerable<string> texts, HashSet<int> matched)
    {
        foreach (var text in texts)
        {
            foreach (var token in TextNormalizer.Tokenize(text))
            {
                if (matched.Contains(_terms.Find(token)))
                {
                    return text;
                }
            }
        }

        return null;
    }
}
