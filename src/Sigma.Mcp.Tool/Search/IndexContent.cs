using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// What a <see cref="SearchIndex"/> holds, made by <see cref="IndexBuilder"/> and then only read: documents and
/// elements by number, what ranking and filtering need to know about them, the terms and the posting lists.
/// </summary>
internal sealed class IndexContent
{
    /// <summary>Documents in (updated desc, id) order: a document's number is its tie-break rank.</summary>
    public required CachedDocument[] Documents { get; init; }

    public required DocumentFacts[] Facts { get; init; }

    /// <summary>Per document: trust and freshness (see <see cref="DocumentPrior"/>), added to every search's score.</summary>
    public required float[] Prior { get; init; }

    /// <summary>Per document: its <see cref="FilterKey"/>, what most filters need to know.</summary>
    public required byte[] FilterKeys { get; init; }

    /// <summary>Per document: <see cref="DocumentFacts.NameTokens"/>, apart, so that scoring reads a byte, not the facts' 24.</summary>
    public required byte[] NameTokens { get; init; }

    /// <summary>All elements, grouped by document: document d's are [<see cref="ElementStart"/>[d], <see cref="ElementStart"/>[d + 1]).</summary>
    public required CachedElement[] Elements { get; init; }

    public required int[] ElementStart { get; init; }

    /// <summary>Per element: its document's number.</summary>
    public required int[] ElementDocument { get; init; }

    /// <summary>Per element: tokens in its name (capped at 255).</summary>
    public required byte[] ElementNameTokens { get; init; }

    /// <summary>Distinct owners and paths, which <see cref="DocumentFacts"/> refer to by index.</summary>
    public required string[] OwnerNames { get; init; }

    public required string?[] OwnerIds { get; init; }

    public required string[] Paths { get; init; }

    /// <summary>Document numbers by id and URL id.</summary>
    public required Dictionary<string, int> ById { get; init; }

    public required TermDictionary Terms { get; init; }

    public required SearchVocabulary Vocabulary { get; init; }

    /// <summary>Document-level postings, by <see cref="SearchField"/>.</summary>
    public required PostingLists DocumentPostings { get; init; }

    /// <summary>Element-level postings: field 0 is the element's name, 1 its columns.</summary>
    public required PostingLists ElementPostings { get; init; }

    /// <summary>Trust, freshness, and the owner or folder the query names.</summary>
    /// <remarks>The facts are read only when the query names an owner or folder: most do not, and the look-up is a cache miss.</remarks>
    public float DocumentBonus(int document, QueryPlan plan) => plan.MaxBoost == 0f ? Prior[document] : Prior[document] + plan.Boost(Facts[document]);

    public bool Allows(DocumentFilter filter, int document) => filter.Allows(document, FilterKeys[document], Facts);
}
