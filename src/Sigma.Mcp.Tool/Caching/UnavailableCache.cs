namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// Stands in for a cache that could not even be created (no AWS credentials, no region, an unwritable file): every
/// call fails with the reason, so that a heartbeat reports it and a command explains it instead of the process
/// failing at start-up.
/// </summary>
internal sealed class UnavailableCache(string backend, string location, CacheUnavailableException reason) : ICache
{
    public string Backend => backend;

    public string Location => location;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Fail<int>();

    public Task<CacheMetadata?> GetMetadataAsync(string organizationId, CancellationToken cancellationToken = default) => Fail<CacheMetadata?>();

    public IAsyncEnumerable<CachedDocument> ReadDocumentsAsync(string organizationId, long generation, CancellationToken cancellationToken = default) => throw Reason();

    public Task<CachedDocument?> GetDocumentAsync(string organizationId, long generation, string documentId, CancellationToken cancellationToken = default) => Fail<CachedDocument?>();

    public IAsyncEnumerable<CachedMember> ReadMembersAsync(string organizationId, long generation, CancellationToken cancellationToken = default) => throw Reason();

    public Task<LeaseResult> TryAcquireLeaseAsync(string organizationId, string holder, TimeSpan duration, CancellationToken cancellationToken = default) => Fail<LeaseResult>();

    public Task RenewLeaseAsync(RefreshLease lease, TimeSpan duration, CancellationToken cancellationToken = default) => Fail<int>();

    public Task ReleaseLeaseAsync(RefreshLease lease, CancellationToken cancellationToken = default) => Fail<int>();

    public Task<long> AllocateGenerationAsync(RefreshLease lease, CancellationToken cancellationToken = default) => Fail<long>();

    public Task WriteDocumentsAsync(RefreshLease lease, long generation, IReadOnlyCollection<CachedDocument> documents, CancellationToken cancellationToken = default) => Fail<int>();

    public Task WriteMembersAsync(RefreshLease lease, long generation, IReadOnlyCollection<CachedMember> members, CancellationToken cancellationToken = default) => Fail<int>();

    public Task<bool> PublishAsync(RefreshLease lease, CacheMetadata metadata, long expectedCurrentGeneration, CancellationToken cancellationToken = default) => Fail<bool>();

    public Task<IReadOnlyList<long>> ListGenerationsAsync(string organizationId, CancellationToken cancellationToken = default) => Fail<IReadOnlyList<long>>();

    public Task DeleteGenerationAsync(string organizationId, long generation, CancellationToken cancellationToken = default) => Fail<int>();

    public Task<string?> GetOrganizationAsync(string connectionKey, CancellationToken cancellationToken = default) => Fail<string?>();

    public Task SetOrganizationAsync(string connectionKey, string organizationId, CancellationToken cancellationToken = default) => Fail<int>();

    public Task ClearAsync(string organizationId, CancellationToken cancellationToken = default) => Fail<int>();

    private Task<T> Fail<T>() => Task.FromException<T>(Reason());

    private CacheUnavailableException Reason() => new(reason.Message, reason);
}
