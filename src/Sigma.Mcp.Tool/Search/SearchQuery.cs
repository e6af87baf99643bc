namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// A search: words to find (in any order and field; the last may be a prefix), what kind of result, and optional
/// filters. Filters are case-insensitive and combine with AND.
/// </summary>
/// <param name="Text">The words; must contain a letter or digit.</param>
/// <param name="DocumentType"><c>workbook</c>, <c>data-model</c>, <c>dataset</c>, <c>report</c>, <c>element</c> (element-level hits) or <c>all</c>.</param>
/// <param name="Limit">Most hits returned, 1 to <see cref="SearchIndex.MaxLimit"/>.</param>
internal sealed record SearchQuery(string Text, string DocumentType = "all", int Limit = 10)
{
    /// <summary>The owner's name or member id contains this.</summary>
    public string? Owner { get; init; }

    /// <summary>The workspace/folder path starts with or contains this (e.g. <c>Finance/Executive</c>).</summary>
    public string? Path { get; init; }

    /// <summary><c>Endorsed</c>, <c>Warning</c> or <c>Deprecated</c>.</summary>
    public string? Badge { get; init; }

    /// <summary>Updated at or after this time.</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>Include archived documents (excluded by default).</summary>
    public bool IncludeArchived { get; init; }

    /// <summary>Team mode: which documents the caller may see, by document number (<see cref="SearchIndex.VisibilityMask"/>); null: all.</summary>
    public IReadOnlyList<bool>? Visible { get; init; }
}
