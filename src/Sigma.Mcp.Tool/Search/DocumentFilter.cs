using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// A <see cref="SearchQuery"/>'s filters, compiled against the index: owner and path filters are evaluated once per
/// distinct owner and path, so that checking a document is a few array reads.
/// </summary>
internal sealed class DocumentFilter
{
    private readonly byte? _type;
    private readonly bool[]? _owners;
    private readonly bool[]? _paths;
    private readonly BadgeKind? _badge;
    private readonly long? _updatedSinceTicks;
    private readonly bool _includeArchived;
    private readonly IReadOnlyList<bool>? _visible;

    // What the document's FilterKey must have under the mask (archived, type, badge), and whether the facts are
    // needed at all (time, owner, path), which most searches do not ask for.
    private readonly byte _keyMask;
    private readonly byte _keyValue;
    private readonly bool _needsFacts;

    /// <param name="query">The filters; the text is not used here.</param>
    /// <param name="documentType">The one type allowed, or null for any.</param>
    /// <param name="ownerNames">Normalized owner names, by owner index.</param>
    /// <param name="ownerIds">Owner ids, by owner index.</param>
    /// <param name="paths">Normalized paths, by path index.</param>
    /// <param name="facts">The documents' facts, in number order (newest first), for <see cref="Before"/>.</param>
    public DocumentFilter(SearchQuery query, string? documentType, string[] ownerNames, string?[] ownerIds, string[] paths, DocumentFacts[]? facts = null)
    {
        _type = documentType is null ? null : (byte)DocumentTypesIndex(documentType);
        _includeArchived = query.IncludeArchived;
        _visible = query.Visible;
        _updatedSinceTicks = query.UpdatedSince?.UtcTicks;
        if (!string.IsNullOrWhiteSpace(query.Badge))
        {
            _badge = BadgeKinds.TryParse(query.Badge, out var badge)
                ? badge
                : throw new ArgumentException($"Unknown badge '{query.Badge}': use Endorsed, Warning or Deprecated.", nameof(query));
        }

        if (!string.IsNullOrWhiteSpace(query.Owner))
        {
            var owner = query.Owner.Trim();
            var normalized = TextNormalizer.Normalize(owner);
            _owners = new bool[ownerNames.Length];
            for (var i = 0; i < ownerNames.Length; i++)
            {
                _owners[i] = (normalized.Length > 0 && ownerNames[i].Contains(normalized, StringComparison.Ordinal))
                    || (ownerIds[i]?.Contains(owner, StringComparison.OrdinalIgnoreCase) ?? false);
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Path))
        {
            var normalized = TextNormalizer.Normalize(query.Path);
            _paths = [.. paths.Select(p => p.Contains(normalized, StringComparison.Ordinal))];
        }

        _keyMask = (byte)((_includeArchived ? 0 : FilterKey.ArchivedBit) | (_type is null ? 0 : FilterKey.TypeMask) | (_badge is null ? 0 : FilterKey.BadgeMask));
        _keyValue = (byte)((_type is { } type ? FilterKey.Type(type) : 0) | (_badge is { } kind ? FilterKey.Badge(kind) : 0));
        Before = facts is not null && _updatedSinceTicks is { } since ? UpdatedBefore(facts, since) : int.MaxValue;
        _needsFacts = (_updatedSinceTicks is not null && facts is null) || _owners is not null || _paths is not null;
        Narrows = _visible is not null || _type is not null || _badge is not null || _updatedSinceTicks is not null;
    }

    /// <summary>
    /// True when the filter may let through few documents and checking one is cheap (no owner or path, which need
    /// the facts): worth finding them all first (see <see cref="ListReader"/>).
    /// </summary>
    public bool Narrows { get; }

    /// <summary>
    /// No document numbered this or more passes (documents are numbered newest first, so "updated since" is a
    /// prefix of them); <see cref="int.MaxValue"/> without that filter or without the facts.
    /// </summary>
    public int Before { get; }

    /// <summary>As <see cref="Allows(int, in DocumentFacts)"/>, reading the facts only for a filter that needs them.</summary>
    /// <param name="document">The document's number.</param>
    /// <param name="key">Its <see cref="FilterKey"/>.</param>
    /// <param name="facts">All documents' facts.</param>
    public bool Allows(int document, byte key, DocumentFacts[] facts) =>
        document < Before
        && (key & _keyMask) == _keyValue
        && (_visible is null || _visible[document])
        && (!_needsFacts || Allows(document, facts[document]));

    public bool Allows(int document, in DocumentFacts facts) =>
        (_visible is null || _visible[document])
        && (_includeArchived || !facts.IsArchived)
        && (_type is null || facts.Type == _type)
        && (_badge is null || facts.Badge == _badge)
        && (_updatedSinceTicks is null || facts.UpdatedTicks >= _updatedSinceTicks)
        && (_owners is null || _owners[facts.Owner])
        && (_paths is null || _paths[facts.Path]);

    /// <summary>The first document (in newest-first order) updated before <paramref name="since"/>: a binary search.</summary>
    internal static int UpdatedBefore(DocumentFacts[] facts, long since)
    {
        int low = 0, high = facts.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (facts[middle].UpdatedTicks >= since)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The index of a type in <see cref="DocumentTypes.All"/>, or <see cref="byte.MaxValue"/>.</summary>
    public static int DocumentTypesIndex(string? type)
    {
        for (var i = 0; i < DocumentTypes.All.Count; i++)
        {
            if (string.Equals(DocumentTypes.All[i], type, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return byte.MaxValue;
    }
}
