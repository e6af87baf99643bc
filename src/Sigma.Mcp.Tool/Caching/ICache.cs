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
/// <b>Leases and fencing.</b> Writers first take a <see cref="RefreshLease"/>, so that two refreshes of one
/// organization (two terminals on one file, two machines on one table) never interleave. A lease can still be lost
/// (a paused process, a dead network), so every write takes the lease and is refused with
/// <see cref="LeaseLostException"/> once the stored lease has another holder or epoch; the publish checks the lease in
/// the same atomic step that switches the generation. Generation numbers come from a counter in the organization's
/// metadata, so two refreshes never write the same generation.
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

    /// <summary>
    /// Extends a held lease. Throws <see cref="LeaseLostException"/> when it was lost (taken by someone else); any other
    /// exception is a failure to ask (the lease may still be ours), worth retrying.
    /// </summary>
    Task RenewLeaseAsync(RefreshLease lease, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Gives the lease up, if still ours. Its epoch stays, so the next holder's is higher.</summary>
    Task ReleaseLeaseAsync(RefreshLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// A generation number nobody has used, from the organization's counter (one conditional increment, so two
    /// refreshes never get the same one), higher than every generation stored. Fenced by <paramref name="lease"/>.
    /// </summary>
    Task<long> AllocateGenerationAsync(RefreshLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes documents into an unpublished generation (in bulk; may be called many times), while
    /// <paramref name="lease"/> is still held; otherwise throws <see cref="LeaseLostException"/>.
    /// </summary>
    Task WriteDocumentsAsync(RefreshLease lease, long generation, IReadOnlyCollection<CachedDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>Writes members into an unpublished generation, while <paramref name="lease"/> is still held.</summary>
    Task WriteMembersAsync(RefreshLease lease, long generation, IReadOnlyCollection<CachedMember> members, CancellationToken cancellationToken = default);

    /// <summary>
    /// Switches readers to <paramref name="metadata"/>'s generation in one conditional step: only when
    /// <paramref name="lease"/> is still held (else <see cref="LeaseLostException"/>) and the published generation is
    /// still <paramref name="expectedCurrentGeneration"/> (0 for none; false when it was not).
    /// </summary>
    Task<bool> PublishAsync(RefreshLease lease, CacheMetadata metadata, long expectedCurrentGeneration, CancellationToken cancellationToken = default);

    /// <summary>
    /// The organization id last seen for a connection (<see cref="CacheConnection.Key"/>: base URL and client id), so
    /// that readers find the cache without asking Sigma; null when never stored.
    /// </summary>
    Task<string?> GetOrganizationAsync(string connectionKey, CancellationToken cancellationToken = default);

    /// <summary>Remembers the organization id of a connection. Idempotent.</summary>
    Task SetOrganizationAsync(string connectionKey, string organizationId, CancellationToken cancellationToken = default);

    /// <summary>Every generation with data stored, published or not.</summary>
    Task<IReadOnlyList<long>> ListGenerationsAsync(string organizationId, CancellationToken cancellationToken = default);

    /// <summary>Deletes a generation's documents and members. Never called for the published one.</summary>
    Task DeleteGenerationAsync(string organizationId, long generation, CancellationToken cancellationToken = default);

    /// <summary>Removes everything cached for the organization: metadata, every generation, the lease.</summary>
    Task ClearAsync(string organizationId, CancellationToken cancellationToken = default);
}
