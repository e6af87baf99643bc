using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Tests.Refresh;

/// <summary>
/// A real cache with hooks in front of a few calls, to pause a refresh at a chosen point, make a renewal fail, or give
/// the refresher a holder name of the test's choosing. Everything else goes straight to the real backend.
/// </summary>
internal sealed class HookedCache(ICache inner) : ICache
{
    private int _writes;

    /// <summary>Runs before every renewal; may throw (a failed renewal) or wait.</summary>
    public Func<Task>? OnRenew { get; init; }

    /// <summary>Runs before the refresh's first write; may wait.</summary>
    public Func<Task>? OnFirstWrite { get; set; }

    /// <summary>Replaces the holder name the refresher asks the lease for.</summary>
    public Func<string, string>? MapHolder { get; init; }

    /// <summary>Completes at the first renewal that went through.</summary>
    public TaskCompletionSource Renewed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Backend => inner.Backend;

    public string Location => inner.Location;

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<CacheMetadata?> GetMetadataAsync(string organizationId, CancellationToken cancellationToken = default) => inner.GetMetadataAsync(organizationId, cancellationToken);

    public IAsyncEnumerable<CachedDocument> ReadDocumentsAsync(string organizationId, long generation, CancellationToken cancellationToken = default) =>
        inner.ReadDocumentsAsync(organizationId, generation, cancellationToken);

    public Task<CachedDocument?> GetDocumentAsync(string organizationId, long generation, string documentId, CancellationToken cancellationToken = default) =>
        inner.GetDocumentAsync(organizationId, generation, documentId, cancellationToken);

    public IAsyncEnumerable<CachedMember> ReadMembersAsync(string organizationId, long generation, CancellationToken cancellationToken = default) =>
        inner.ReadMembersAsync(organizationId, generation, cancellationToken);

    public Task<LeaseResult> TryAcquireLeaseAsync(string organizationId, string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
        inner.TryAcquireLeaseAsync(organizationId, MapHolder?.Invoke(holder) ?? holder, duration, cancellationToken);

    public async Task RenewLeaseAsync(RefreshLease lease, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        if (OnRenew is { } hook)
        {
            await hook();
        }

        await inner.RenewLeaseAsync(lease, duration, cancellationToken);
        Renewed.TrySetResult();
    }

    public Task ReleaseLeaseAsync(RefreshLease lease, CancellationToken cancellationToken = default) => inner.ReleaseLeaseAsync(lease, cancellationToken);

    public Task<long> AllocateGenerationAsync(RefreshLease lease, CancellationToken cancellationToken = default) => inner.AllocateGenerationAsync(lease, cancellationToken);

    public async Task WriteDocumentsAsync(RefreshLease lease, long generation, IReadOnlyCollection<CachedDocument> documents, CancellationToken cancellationToken = default)
    {
        await BeforeWriteAsync();
        await inner.WriteDocumentsAsync(lease, generation, documents, cancellationToken);
    }

    public async Task WriteMembersAsync(RefreshLease lease, long generation, IReadOnlyCollection<CachedMember> members, CancellationToken cancellationToken = default)
    {
        await BeforeWriteAsync();
        await inner.WriteMembersAsync(lease, generation, members, cancellationToken);
    }

    public Task<bool> PublishAsync(RefreshLease lease, CacheMetadata metadata, long expectedCurrentGeneration, CancellationToken cancellationToken = default) =>
        inner.PublishAsync(lease, metadata, expectedCurrentGeneration, cancellationToken);

    public Task<IReadOnlyList<long>> ListGenerationsAsync(string organizationId, CancellationToken cancellationToken = default) => inner.ListGenerationsAsync(organizationId, cancellationToken);

    public Task DeleteGenerationAsync(string organizationId, long generation, CancellationToken cancellationToken = default) => inner.DeleteGenerationAsync(organizationId, generation, cancellationToken);

    public Task<string?> GetOrganizationAsync(string connectionKey, CancellationToken cancellationToken = default) => inner.GetOrganizationAsync(connectionKey, cancellationToken);

    public Task SetOrganizationAsync(string connectionKey, string organizationId, CancellationToken cancellationToken = default) =>
        inner.SetOrganizationAsync(connectionKey, organizationId, cancellationToken);

    public Task ClearAsync(string organizationId, CancellationToken cancellationToken = default) => inner.ClearAsync(organizationId, cancellationToken);

    private async Task BeforeWriteAsync()
    {
        if (Interlocked.Increment(ref _writes) == 1 && OnFirstWrite is { } hook)
        {
            await hook();
        }
    }
}
