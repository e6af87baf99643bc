namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// The document cache: the one place the rest of the product reads and writes cached Sigma metadata. Everything is
/// scoped by Sigma organization, so switching organizations never mixes caches.
/// <para>
/// <b>Generations.</b> A refresh writes a complete new generation (documents and members) under a number no reader
/// uses, then publishes it with one conditional write of <see cref="CacheMetadata"/>. Readers take the published
/// generation from <see cref="GetMetadataAsync"/> and read only that generation, so they see the old cache or the new
/// one, never a mix. A refresh that dies leaves an unpublished generation behind, which nobody reads and the next
/// refresh deletes. The generation before the published one is kept until the next publish, for readers still on it.
/// </para>
/// <para>
/// <b>Leases.</b> Writers first take a <see cref="RefreshLease"/>, so that two refreshes of one organization (two
/// terminals on one file, two machines on one table) never interleave.
/// </para>
/// Implementations are thread-safe and safe for several processes at once.
/// </summary>
internal interface ICache
{
    /// <summary><c>litedb</c> or <c>dynamodb</c>.</summary>
    string Backend { get; }

    /// <summary>Where the data lives, for people: a file path or a table name.</summary>
    string Location { get; }

    /// <summary>Creates what the cache needs (a table, indexes). Idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The published generation's metadata, or null when the organization was never refreshed (or was cleared).</summary>
    Task<CacheMetadata?> GetMetadataAsync(string organizationId, CancellationToken cancellationToken = default);

    /// <summary>Every document of a generation, in no particular order, to the end (never a truncated page).</summary>
    IAsyncEnumerable<CachedDocument> ReadDocumentsAsync(string organizationId, long generation, CancellationToken cancellationToken = default);

    /// <summary>One document of a generation, or null.</summary>
    Task<CachedDocument?> GetDocumentAsync(string organizationId, long generation, string documentId, CancellationToken cancellationToken = default);

    /// <summary>Every member of a generation.</summary>
    IAsyncEnumerable<CachedMember> ReadMembersAsync(string organizationId, long generation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the organization's refresh lease when it is free, expired, already ours, or held by a process on this
    /// host that no longer runs; otherwise reports who holds it and until when.
    /// </summary>
    Task<LeaseResult> TryAcquireLeaseAsync(string organizationId, string holder, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Extends a held lease; false when it was lost (expired and taken by someone else).</summary>
    Task<bool> RenewLeaseAsync(RefreshLease lease, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up, if still ours.</summary>
    Task ReleaseLeaseAsync(RefreshLease lease, CancellationToken cancellationToken = default);

    /// <summary>Writes documents into an unpublished generation (in bulk; may be called many times).</summary>
    Task WriteDocumentsAsync(string organizationId, long generation, IReadOnlyCollection<CachedDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Writes members into an unpublished generation.</summary>
    Task WriteMembersAsync(string organizationId, long generation, IReadOnlyCollection<CachedMember> members, CancellationToken cancellationToken = default);

    /// <summary>
    /// Switches readers to <paramref name="metadata"/>'s generation in one conditional step: only when the published
    /// generation is still <paramref name="expectedCurrentGeneration"/> (0 for none). False when it was not.
    /// </summary>
    Task<bool> PublishAsync(CacheMetadata metadata, long expectedCurrentGeneration, CancellationToken cancellationToken = default);

    /// <summary>Every generation with data stored, published or not.</summary>
    Task<IReadOnlyList<long>> ListGenerationsAsync(string organizationId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a generation's documents and members. Never called for the published one.</summary>
    Task DeleteGenerationAsync(string organizationId, long generation, CancellationToken cancellationToken = default);

    /// <summary>Removes everything cached for the organization: metadata, every generation, the lease.</summary>
    Task ClearAsync(string organizationId, CancellationToken cancellationToken = default);
}
