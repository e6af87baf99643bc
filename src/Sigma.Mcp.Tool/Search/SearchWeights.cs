namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// The ranking's knobs, in one place. A document's score is, per query word, the weight of the best field it matched
/// in times the match's quality (exact, prefix, typo), plus a tenth for every other field it also matched exactly; then
/// bonuses for covering every word and for the name, and the badge. Tuned on the labelled query set in the tests.
/// </summary>
internal static class SearchWeights
{
    public const int FieldCount = 7;

    /// <summary>Element-level postings: 0 is the element's name, 1 its columns.</summary>
    public const int ElementFieldCount = 2;

    /// <summary>Query words beyond this many are ignored (one bit per word in the accumulators).</summary>
    public const int MaxWords = 8;

    public const float Exact = 1f;
    public const float Typo1 = 0.6f;
    public const float Typo2 = 0.45f;

    /// <summary>Another form of the word ("roles" for "role", "selling" for "sell").</summary>
    public const float Stem = 0.9f;

    /// <summary>A BI equivalent of the word ("employees" for "staff"): below the word itself, above a typo.</summary>
    public const float Synonym = 0.7f;

    /// <summary>A lexicon rewrite of the query ("daily active users" for "dau") scores this fraction of a literal one.</summary>
    public const float Rewrite = 0.85f;

    /// <summary>Every other field a word also matched in (exactly) adds this fraction of that field's weight.</summary>
    public const float OtherField = 0.1f;

    /// <summary>Large enough that matching every word ranks above matching some, whatever the fields.</summary>
    public const float AllWords = 100f;

    /// <summary>Every query word is in the name (or element name).</summary>
    public const float NameCoversQuery = 8f;

    /// <summary>The name is the query: the same words and nothing else.</summary>
    public const float ExactName = 25f;

    /// <summary>Document search, two or more words: one element's name has them all.</summary>
    public const float ElementCoversQuery = 6f;

    /// <summary>Document search: one element's name is exactly the query ("credits used by warehouse", not "… and month").</summary>
    public const float ElementExactName = 6f;

    /// <summary>The query names the document's owner ("Ada's", "owned by Ada", "Ada owns"): a soft filter.</summary>
    public const float OwnerNamed = 10f;

    /// <summary>The query names the document's folder ("in Finance"): a soft filter.</summary>
    public const float FolderNamed = 6f;

    /// <summary>A copy, an old version, deprecated or archived (by name or state), each.</summary>
    public const float Stale = -4f;

    /// <summary>A personal scratch workbook ("Untitled Workbook", "test", "tmp", or anything in My Documents).</summary>
    public const float Scratch = -5f;

    /// <summary>Updated in the last 30 days (half of it in the last 90).</summary>
    public const float Recent = 1f;

    /// <summary>Per name word the query did not ask for (at most <see cref="MaxExtraNameTokens"/>): focused names first.</summary>
    public const float ExtraNameToken = 0.5f;

    public const int MaxExtraNameTokens = 6;

    /// <summary>The weight of each <see cref="SearchField"/> in a document search.</summary>
    public static ReadOnlySpan<float> Field => [10f, 3f, 3f, 5f, 4f, 5f, 2.5f];

    /// <summary>Element search: an element's name, its columns, and its document's name (context, e.g. "order lines revenue dashboard").</summary>
    public const float ElementName = 10f;
    public const float ElementColumn = 3f;
    public const float ElementDocumentName = 3f;

    /// <summary>Prefix matches rank a little below exact ones, and shorter completions above longer ones ("rev" → "revenue" before "revenues").</summary>
    public static float Prefix(int wordLength, int termLength) => 0.6f + (0.3f * wordLength / termLength);

    /// <summary>Fields where a completion of a two- or three-letter word counts (names, not descriptions or columns).</summary>
    public static bool CompletesShortPrefix(SearchField field) =>
        field is SearchField.Name or SearchField.Tag or SearchField.Owner or SearchField.Element;

    /// <summary>The best badge's score, which max-score pruning assumes for documents it has not seen.</summary>
    public const float Endorsed = 3f;

    /// <summary>By <see cref="BadgeKind"/>: Endorsed up, Warning slightly down, Deprecated down.</summary>
    public static float Badge(BadgeKind badge) => badge switch
    {
        BadgeKind.Endorsed => Endorsed,
        BadgeKind.Warning => -1f,
        BadgeKind.Deprecated => -6f,
        _ => 0f,
    };
}
