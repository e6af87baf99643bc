using System.Numerics;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// What a document or element scores for one plan: its accumulated matches plus the coverage and name bonuses, trust,
/// freshness and the owner or folder boost; and upper bounds of what it (or a number not seen yet) can still reach,
/// for max-score pruning.
/// </summary>
internal sealed class Scorer
{
    /// <summary>Float sums in another order can differ in the last bits: prune only what is clearly out.</summary>
    public const float Epsilon = 0.01f;

    /// <summary>Document search: the most the element bonus adds.</summary>
    public const float MaxElementBonus = SearchWeights.ElementCoversQuery + SearchWeights.ElementExactName;

    private readonly IndexContent _index;
    private readonly QueryPlan _plan;
    private readonly Accumulator[] _own;
    private readonly Accumulator[] _documents;
    private readonly bool _elements;

    public Scorer(IndexContent index, QueryPlan plan, SearchScratch scratch, bool elements)
    {
        _index = index;
        _plan = plan;
        _elements = elements;
        _documents = scratch.Documents;
        _own = elements ? scratch.Elements : scratch.Documents;
    }

    /// <summary>The final score of a document or element as accumulated so far (a lower bound until all lists are read).</summary>
    public float Evaluate(int number, out int document) => Evaluate(number, _own[number], out document);

    public float Evaluate(int number, in Accumulator own, out int document)
    {
        if (!_elements)
        {
            document = number;
            return Finish(own, number) + _index.DocumentBonus(number, _plan);
        }

        document = _index.ElementDocument[number];
        var combined = WithContext(own, _documents[document]);
        return Finish(combined, number) + _index.DocumentBonus(document, _plan);
    }

    /// <summary>An upper bound of the final score of a number that no list read so far has touched.</summary>
    public float NewcomerBound(RemainingBounds remaining, in Accumulator context) =>
        remaining.UpperBound(default, context, _plan) + DocumentPrior.Max + _plan.MaxBoost + LateBonus(default, remaining) + Epsilon;

    /// <summary>An upper bound of the final score of a number, when the lists left are <paramref name="remaining"/>.</summary>
    public float UpperBound(int number, RemainingBounds remaining)
    {
        var document = _elements ? _index.ElementDocument[number] : number;
        var own = _own[number];
        var context = _elements ? _documents[document] : default;
        return remaining.UpperBound(own, context, _plan) + _index.DocumentBonus(document, _plan) + LateBonus(own, remaining) + Epsilon;
    }

    /// <summary>Document search: the words matched in element names.</summary>
    public static byte ElementWords(in Accumulator a) => (byte)(a.Seen >> ((int)SearchField.Element * 8));

    // Coverage and name bonuses, common to documents and elements. Never lowers as more lists are read, so a score
    // taken before the end is a lower bound of the final one. The name's length is read only for a name match: most
    // numbers a search scores have none, and a look-up they skip is a cache miss saved.
    private float Finish(in Accumulator a, int number)
    {
        var score = a.Score;
        if (_plan.Covers(a.Words))
        {
            score += SearchWeights.AllWords;
        }

        var nameWords = a.NameWords;
        if (nameWords != 0)
        {
            int nameTokens = _elements ? _index.ElementNameTokens[number] : _index.NameTokens[number];
            if (_plan.Covers(nameWords))
            {
                score += SearchWeights.NameCoversQuery;
                if (a.NameExact == _plan.EveryWord && nameTokens == _plan.TokenCount)
                {
                    score += SearchWeights.ExactName;
                }
            }

            var extra = Math.Clamp(nameTokens - BitOperations.PopCount(nameWords), 0, SearchWeights.MaxExtraNameTokens);
            score -= SearchWeights.ExtraNameToken * extra;
        }

        return score;
    }

    /// <summary>
    /// Document search: the most the element bonus can add to a document whose element names have matched
    /// <paramref name="elementWords"/> (or can still match them): nothing unless they have every required word, and
    /// the exact-name part only if they can have every word, optional ones included (see <see cref="HitCollector.ElementBonus"/>).
    /// </summary>
    public static float ElementBonusBound(QueryPlan plan, byte elementWords) =>
        plan.Words.Length < 2 || !plan.Covers(elementWords) ? 0f
        : (elementWords & plan.EveryWord) == plan.EveryWord ? MaxElementBonus
        : SearchWeights.ElementCoversQuery;

    // The element bonus a document could still get: only if its element names can still have every word.
    private float LateBonus(in Accumulator own, RemainingBounds remaining) =>
        _elements ? 0f : ElementBonusBound(_plan, (byte)(ElementWords(own) | remaining.ElementWords));

    // The document's name adds to its element's score and word coverage; the name bonuses stay the element's own.
    private static Accumulator WithContext(Accumulator element, in Accumulator document)
    {
        element.Score += document.Score;
        element.Words |= document.Words;
        return element;
    }
}
