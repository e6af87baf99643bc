namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// One posting list a search reads: the postings of a term in a field, for a query word, and what a hit there is worth
/// (field weight × match quality), and what it adds when the word already matched in another field: a tenth of
/// that for an exact match, nothing for a prefix or typo (another completion elsewhere is no extra evidence).
/// <see cref="ExactName"/> marks an exact match in the name field.
/// </summary>
internal readonly record struct ScoredList(int Word, int Field, int TermId, float Weight, float Extra, bool ExactName, int Length)
{
    public static ScoredList Create(int word, int field, TermMatch match, float fieldWeight, bool isName, int length)
    {
        var exact = match.Quality == SearchWeights.Exact;
        var weight = fieldWeight * match.Quality;
        return new ScoredList(word, field, match.TermId, weight, exact ? weight * SearchWeights.OtherField : 0f, exact && isName, length);
    }

    /// <summary>Processing order: highest weight first (so a number's first hit per word and field is its best), then shortest.</summary>
    public static int Compare(ScoredList a, ScoredList b) =>
        a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight)
        : a.Length != b.Length ? a.Length.CompareTo(b.Length)
        : a.Word != b.Word ? a.Word.CompareTo(b.Word)
        : a.Field != b.Field ? a.Field.CompareTo(b.Field)
        : a.TermId.CompareTo(b.TermId);
}
