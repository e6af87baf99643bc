namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// The most the lists not yet read can still add, per query word: what lets a search stop looking for new
/// candidates (max-score pruning) once no newcomer could reach the current k-th best.
/// </summary>
internal sealed class RemainingBounds
{
    private readonly float[] _unmatched = new float[SearchWeights.MaxWords];
    private readonly float[] _matched = new float[SearchWeights.MaxWords];

    /// <param name="lists">All lists, in processing order.</param>
    /// <param name="from">The first list not yet read.</param>
    /// <param name="fieldCount">Fields of the ranked numbers.</param>
    /// <param name="longerThan">Only lists longer than this count: the bounds of a number in none of the shorter ones.</param>
    public RemainingBounds(List<ScoredList> lists, int from, int fieldCount, int longerThan = 0)
    {
        Span<float> best = stackalloc float[SearchWeights.MaxWords * fieldCount];
        Span<float> extra = stackalloc float[SearchWeights.MaxWords * fieldCount];
        for (var i = from; i < lists.Count; i++)
        {
            var list = lists[i];
            if (list.Length <= longerThan)
            {
                continue;
            }

            var slot = (list.Word * fieldCount) + list.Field;
            best[slot] = Math.Max(best[slot], list.Weight);
            extra[slot] = Math.Max(extra[slot], list.Extra);
            Words |= (byte)(1 << list.Word);
            if (list.Field == 0)
            {
                NameWords |= (byte)(1 << list.Word);
            }

            if (list.ExactName)
            {
                ExactNameWords |= (byte)(1 << list.Word);
            }

            if (fieldCount == SearchWeights.FieldCount && list.Field == (int)SearchField.Element)
            {
                ElementWords |= (byte)(1 << list.Word);
            }
        }

        for (var word = 0; word < SearchWeights.MaxWords; word++)
        {
            var slots = (word * fieldCount)..((word + 1) * fieldCount);
            _unmatched[word] = Unmatched(best[slots], extra[slots]);
            var extras = 0f;
            foreach (var e in extra[slots])
            {
                extras += e;
            }

            _matched[word] = extras;
        }
    }

    /// <summary>
    /// The most a word not matched yet can still add: its first field counts in full and every other field its extra
    /// (see <see cref="ScoredList"/>), so the best of, per field, that field's weight and the other fields' extras.
    /// </summary>
    /// <param name="best">Per field, the highest weight of a remaining list (0 for none).</param>
    /// <param name="extra">Per field, the highest extra.</param>
    internal static float Unmatched(ReadOnlySpan<float> best, ReadOnlySpan<float> extra)
    {
        var most = 0f;
        for (var first = 0; first < best.Length; first++)
        {
            if (best[first] <= 0f)
            {
                continue;
            }

            var score = best[first];
            for (var other = 0; other < extra.Length; other++)
            {
                score += other == first ? 0f : extra[other];
            }

            most = Math.Max(most, score);
        }

        return most;
    }

    /// <summary>Words some remaining list can still match.</summary>
    public byte Words { get; }

    /// <summary>Words some remaining list can still match in the name (field 0).</summary>
    public byte NameWords { get; }

    /// <summary>Words some remaining list can still match exactly in the name.</summary>
    public byte ExactNameWords { get; }

    /// <summary>Document search: words some remaining list can still match in element names.</summary>
    public byte ElementWords { get; }

    /// <summary>
    /// The most <see cref="UpperBound"/> (with the element bonus) of any number can fall from these lists to
    /// <paramref name="later"/>, a tail of them: what a cull in between could take off.
    /// </summary>
    public float MaxDrop(RemainingBounds later)
    {
        var drop = 0f;
        for (var word = 0; word < SearchWeights.MaxWords; word++)
        {
            drop += Math.Max(_unmatched[word] - later._unmatched[word], _matched[word] - later._matched[word]);
        }

        drop += later.Words != Words ? SearchWeights.AllWords : 0f;
        drop += later.NameWords != NameWords || later.ExactNameWords != ExactNameWords ? SearchWeights.NameCoversQuery + SearchWeights.ExactName : 0f;
        return drop + (later.ElementWords != ElementWords ? Scorer.MaxElementBonus : 0f);
    }

    /// <summary>
    /// An upper bound of the final score (before badge) of a number whose accumulator is <paramref name="own"/> now;
    /// for an element, <paramref name="context"/> is its document's (complete) name context.
    /// </summary>
    public float UpperBound(in Accumulator own, in Accumulator context, QueryPlan plan)
    {
        // Only the number's own matches make a word "already matched": context words can still match in full.
        var score = own.Score + context.Score;
        for (var word = 0; word < plan.Words.Length; word++)
        {
            score += (own.Words & (1 << word)) != 0 ? _matched[word] : _unmatched[word];
        }

        if (plan.Covers((byte)(own.Words | context.Words | Words)))
        {
            score += SearchWeights.AllWords;
        }

        if (plan.Covers((byte)(own.NameWords | NameWords)))
        {
            score += SearchWeights.NameCoversQuery;
            if ((own.NameExact | ExactNameWords) == plan.EveryWord)
            {
                score += SearchWeights.ExactName;
            }
        }

        return score;
    }
}
