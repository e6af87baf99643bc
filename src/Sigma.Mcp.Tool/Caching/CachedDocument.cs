namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// One Sigma document as cached: its searchable fields and, for workbooks and data models, its structure.
/// Immutable; a refresh writes a new one rather than changing it.
/// </summary>
internal sealed record CachedDocument
{
    public required string Id { get; init; }

    /// <summary>One of <see cref="DocumentTypes"/>.</summary>
    public required string Type { get; init; }

    public required string Name { get; init; }

    public string? UrlId { get; init; }

    public string? Description { get; init; }

    /// <summary>Workspace and folders, e.g. <c>Finance/Executive</c>.</summary>
    public string? Path { get; init; }

    /// <summary><c>Endorsed</c>, <c>Warning</c>, <c>Deprecated</c> or null.</summary>
    public string? Badge { get; init; }

    public string? OwnerId { get; init; }

    /// <summary>The owner's name, resolved from the member list when the document was cached.</summary>
    public string? OwnerName { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Url { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Workbooks and data models: the version number, which changes with every save.</summary>
    public int? LatestVersion { get; init; }

    public bool IsArchived { get; init; }

    /// <summary>Workbook pages, in order.</summary>
    public IReadOnlyList<CachedPage> Pages { get; init; } = [];

    /// <summary>Elements of a workbook (with their page) or of a data model.</summary>
    public IReadOnlyList<CachedElement> Elements { get; init; } = [];

    /// <summary>
    /// Set when the details (pages, elements) could not be fetched at the last refresh (e.g. <c>403</c>, <c>503</c>):
    /// the document keeps the structure of the previous generation (stale), or only what the listing said when it was
    /// never fetched before, and the next refresh tries again.
    /// </summary>
    public string? DetailError { get; init; }

    /// <summary>True when a refresh can reuse this entry for a listing entry with the same update time and version.</summary>
    public bool IsCurrentFor(DateTimeOffset updatedAt, int? latestVersion) =>
        DetailError is null && UpdatedAt == updatedAt && LatestVersion == latestVersion;
}
