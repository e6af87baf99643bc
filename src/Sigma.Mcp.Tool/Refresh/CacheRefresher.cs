using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Refresh;

/// <summary>
/// Refreshes one organization's cache into a new generation and publishes it atomically (see <see cref="ICache"/>).
/// Incremental by default: documents whose update time and version did not change are carried over from the
/// published generation without a call to Sigma; only new and changed ones have their details fetched.
/// </summary>
internal sealed partial class CacheRefresher(
    SigmaClient sigma,
    ICache cache,
    IOptions<SigmaClientOptions> sigmaOptions,
    TimeProvider time,
    ILogger<CacheRefresher> logger)
{
    public async Task<RefreshSummary> RefreshAsync(RefreshOptions options, IProgress<RefreshProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var started = time.GetUtcNow();
        var organizationId = (await sigma.GetWhoAmIAsync(cancellationToken)).OrganizationId;
        await cache.InitializeAsync(cancellationToken);
        await RememberOrganizationAsync(organizationId, cancellationToken);
        var acquired = await cache.TryAcquireLeaseAsync(organizationId, LeaseHolder.ForThisProcess(), options.LeaseDuration, cancellationToken);
        if (acquired.Granted is not { } lease)
        {
            throw new RefreshInProgressException(acquired.HeldBy!);
        }

        using var refresh = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keeper = new LeaseKeeper(cache, lease, options.LeaseDuration, time, logger);
        var keeping = keeper.RunAsync(refresh);
        try
        {
            var summary = await RefreshUnderLeaseAsync(lease, started, options, progress, refresh.Token);
            LogRefreshed(logger, organizationId, summary.Metadata.Generation, summary.Added, summary.Changed, summary.Unchanged, summary.Removed, summary.Failed);
            return summary;
        }
        catch (OperationCanceledException) when (keeper.Lost is { } lost && !cancellationToken.IsCancellationRequested)
        {
            throw lost;
        }
        finally
        {
            await refresh.CancelAsync();
            await keeping;
            if (keeper.Lost is null)
            {
                await ReleaseAsync(lease);
            }
        }
    }

    private async Task RememberOrganizationAsync(string organizationId, CancellationToken cancellationToken)
    {
        var key = CacheConnection.Key(sigmaOptions.Value);
        if (await cache.GetOrganizationAsync(key, cancellationToken) != organizationId)
        {
            await cache.SetOrganizationAsync(key, organizationId, cancellationToken);
        }
    }

    private async Task ReleaseAsync(RefreshLease lease)
    {
        try
        {
            await cache.ReleaseLeaseAsync(lease, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // It expires on its own; the refresh's own outcome matters more than this.
            LogReleaseFailed(logger, ex);
        }
    }

    private async Task<RefreshSummary> RefreshUnderLeaseAsync(
        RefreshLease lease, DateTimeOffset started, RefreshOptions options, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var organizationId = lease.OrganizationId;
        var current = await cache.GetMetadataAsync(organizationId, cancellationToken);
        var previous = current is null
            ? new Dictionary<string, CachedDocument>()
            : await cache.ReadDocumentsAsync(organizationId, current.Generation, cancellationToken).ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
        var generations = await cache.ListGenerationsAsync(organizationId, cancellationToken);
        var generation = await cache.AllocateGenerationAsync(lease, cancellationToken);

        // Members first: owner names go into every document.
        var members = await sigma.ListMembersAsync(cancellationToken: cancellationToken)
            .Select(m => new CachedMember(m.MemberId, m.DisplayName, m.Email))
            .ToDictionaryAsync(m => m.MemberId, StringComparer.Ordinal, cancellationToken);
        progress?.Report(new RefreshProgress(RefreshPhase.Listing, 0, 0, 0, 0, 0));
        var lister = new DocumentLister(sigma);
        var listed = await lister.ListAsync(members,
            n => { if (n % 1000 == 0) { progress?.Report(new RefreshProgress(RefreshPhase.Listing, n, 0, 0, 0, 0)); } },
            cancellationToken);

        var plan = RefreshPlan.Create(listed, previous, options.Full);
        var fetched = await FetchAsync(plan.ToFetch, previous, listed.Count, progress, cancellationToken);

        var documents = plan.CarriedOver.Concat(fetched).ToList();
        var written = 0;
        await cache.WriteMembersAsync(lease, generation, members.Values, cancellationToken);
        foreach (var batch in documents.Chunk(options.WriteBatchSize))
        {
            await cache.WriteDocumentsAsync(lease, generation, batch, cancellationToken);
            written += batch.Length;
            progress?.Report(new RefreshProgress(RefreshPhase.Writing, listed.Count, plan.ToFetch.Count, fetched.Count, Failed(fetched), written));
        }

        progress?.Report(new RefreshProgress(RefreshPhase.Publishing, listed.Count, plan.ToFetch.Count, fetched.Count, Failed(fetched), written));
        var metadata = new CacheMetadata
        {
            OrganizationId = organizationId,
            BaseUrl = sigmaOptions.Value.BaseUrl.ToString().TrimEnd('/'),
            Generation = generation,
            RefreshStartedAt = started,
            RefreshCompletedAt = time.GetUtcNow(),
            Counts = Count(documents, members.Count),
            Warnings = lister.Warnings,
        };
        if (!await cache.PublishAsync(lease, metadata, current?.Generation ?? 0, cancellationToken))
        {
            throw new InvalidOperationException("The cache was published by someone else during this refresh; nothing was published. Run the refresh again.");
        }

        await DeleteOldGenerationsAsync(organizationId, keep: [generation, current?.Generation ?? 0], generations, cancellationToken);
        progress?.Report(new RefreshProgress(RefreshPhase.Done, listed.Count, plan.ToFetch.Count, fetched.Count, Failed(fetched), written));
        foreach (var warning in lister.Warnings)
        {
            LogListingWarning(logger, warning);
        }

        var failures = fetched.Where(d => d.DetailError is not null)
            .Select(d => new RefreshFailure(d.Id, d.Name, d.DetailError!, previous.ContainsKey(d.Id)))
            .ToList();
        return new RefreshSummary(plan.Added, plan.Changed, plan.Unchanged, plan.Removed, failures.Count, metadata)
        {
            ToFetch = plan.ToFetch.Count,
            Stale = failures.Count(f => f.KeptPrevious),
            Failures = failures,
        };
    }

    private async Task<List<CachedDocument>> FetchAsync(
        IReadOnlyList<CachedDocument> toFetch, Dictionary<string, CachedDocument> previous, int listed, IProgress<RefreshProgress>? progress,
        CancellationToken cancellationToken)
    {
        var details = new DocumentDetails(sigma);
        var results = new CachedDocument[toFetch.Count];
        var done = 0;
        var failed = 0;

        // Twice the client's concurrency keeps every HTTP slot busy; the client's own limit is what bounds Sigma's load.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = sigmaOptions.Value.MaxConcurrency * 2, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, toFetch.Count), parallel, async (i, ct) =>
        {
            results[i] = await details.FetchAsync(toFetch[i], ct);
            if (results[i].DetailError is not null)
            {
                // What was known stays (stale, with the error) rather than a structure emptied by one failed call.
                if (previous.TryGetValue(toFetch[i].Id, out var before))
                {
                    results[i] = results[i] with { Pages = before.Pages, Elements = before.Elements };
                }

                Interlocked.Increment(ref failed);
            }

            var n = Interlocked.Increment(ref done);
            if (n % 25 == 0 || n == toFetch.Count)
            {
                progress?.Report(new RefreshProgress(RefreshPhase.Fetching, listed, toFetch.Count, n, Volatile.Read(ref failed), 0));
            }
        });
        return [.. results];
    }

    private async Task DeleteOldGenerationsAsync(string organizationId, long[] keep, IReadOnlyList<long> existing, CancellationToken cancellationToken)
    {
        // The previous generation stays for readers that are still on it; older and abandoned ones go.
        foreach (var old in existing.Except(keep))
        {
            try
            {
                await cache.DeleteGenerationAsync(organizationId, old, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCleanupFailed(logger, old, ex);
            }
        }
    }

    private static int Failed(List<CachedDocument> fetched) => fetched.Count(d => d.DetailError is not null);

    private static Dictionary<string, int> Count(List<CachedDocument> documents, int members)
    {
        var counts = DocumentTypes.All.ToDictionary(t => t, t => documents.Count(d => d.Type == t));
        counts["element"] = documents.Sum(d => d.Elements.Count);
        counts["member"] = members;
        return counts;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache of organization {OrganizationId} refreshed to generation {Generation}: {Added} added, {Changed} changed, {Unchanged} unchanged, {Removed} removed, {Failed} failed")]
    private static partial void LogRefreshed(ILogger logger, string organizationId, long generation, int added, int changed, int unchanged, int removed, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the refresh lease; it expires on its own")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh published what it could read: {Warning}")]
    private static partial void LogListingWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old cache generation {Generation}; the next refresh will try again")]
    private static partial void LogCleanupFailed(ILogger logger, long generation, Exception exception);
}
