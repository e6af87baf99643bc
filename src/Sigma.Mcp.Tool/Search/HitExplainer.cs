using System.Numerics;
using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Turns a plan's best numbers into hits, saying where they matched. Runs for the returned hits only, using the
/// accumulators' (field, word) bits to look at the fields that matched.
/// </summary>
internal sealed class HitExplainer(IndexContent index, QueryPlan plan)
{
    private static readonly string[] s_fieldNames = ["name", "description", "path", "tag", "owner", "element", "column"];

    // Every term any word matches: a tag or column is shown when one of its tokens is one of them.
    private readonly HashSet<int> _matched = plan.MatchedTermIds();

    public SearchHit Document(int number, float score, in Accumulator accumulator)
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

                var weight = SearchWeights.Field[field] * BestQuality(plan.Words[word], field, number);
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

        var document = index.Documents[number];
        var (element, column) = viaElements ? BestElement(number) : (null, null);
        var text = (SearchField)best switch
        {
            SearchField.Name => document.Name,
            SearchField.Description => document.Description,
            SearchField.Path => document.Path,
            SearchField.Tag => FirstMatching(document.Tags),
            SearchField.Owner => document.OwnerName,
            SearchField.Element => element?.Name,
            _ => column,
        };
        return new SearchHit(document, score, element, s_fieldNames[best], text);
    }

    public SearchHit Element(int number, float score, in Accumulator accumulator)
    {
        var element = index.Elements[number];
        var document = index.Documents[index.ElementDocument[number]];
        var nameScore = BitOperations.PopCount(accumulator.NameWords) * SearchWeights.ElementName;
        var columnScore = BitOperations.PopCount((byte)(accumulator.Seen >> 8)) * SearchWeights.ElementColumn;
        return nameScore >= columnScore
            ? new SearchHit(document, score, element, "element", element.Name)
            : new SearchHit(document, score, element, "column", FirstMatching(element.Columns));
    }

    // The element of a document that best matches the query (name ×10, columns ×3 per word), and its matching column.
    private (CachedElement? Element, string? Column) BestElement(int number)
    {
        int start = index.ElementStart[number], count = index.ElementStart[number + 1] - start, words = plan.Words.Length;
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
                    foreach (var element in index.ElementPostings.Between(match.TermId, field, start, start + count))
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
            score -= 0.01f * index.ElementNameTokens[start + i];
            (best, bestScore) = score > bestScore ? (i, score) : (best, bestScore);
        }

        var found = index.Elements[start + best];
        return (found, FirstMatching(found.Columns));
    }

    // Matches are in quality order, so the first one present in the field is the word's best there.
    private float BestQuality(QueryWord word, int field, int number)
    {
        foreach (var match in word.Matches)
        {
            if (index.DocumentPostings.Contains(match.TermId, field, number))
            {
                return match.Quality;
            }
        }

        return 0f;
    }

    private string? FirstMatching(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            foreach (var token in TextNormalizer.Tokenize(text))
            {
                if (_matched.Contains(index.Terms.Find(token)))
                {
                    return text;
                }
            }
        }

        return null;
    }
}
