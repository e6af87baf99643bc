using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Caching.Refresh;

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
        var acquired = await cache.TryAcquireLeaseAsync(organizationId, LeaseHolder.ForThisProcess(), options.LeaseDuration, cancellationToken);
        if (acquired.Granted is not { } lease)
        {
            throw new RefreshInProgressException(acquired.HeldBy!);
        }

        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keeper = KeepLeaseAsync(lease, options.LeaseDuration, leaseLost);
        try
        {
            var summary = await RefreshUnderLeaseAsync(organizationId, started, options, progress, leaseLost.Token);
            LogRefreshed(logger, organizationId, summary.Metadata.Generation, summary.Added, summary.Changed, summary.Unchanged, summary.Removed, summary.Failed);
            return summary;
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException("The refresh lost its lease (another refresh took it over after it expired); nothing was published.");
        }
        finally
        {
            await leaseLost.CancelAsync();
            await keeper;
            await cache.ReleaseLeaseAsync(lease, CancellationToken.None);
        }
    }

    private async Task<RefreshSummary> RefreshUnderLeaseAsync(
        string organizationId, DateTimeOffset started, RefreshOptions options, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var current = await cache.GetMetadataAsync(organizationId, cancellationToken);
        var previous = current is null
            ? new Dictionary<string, CachedDocument>()
            : await cache.ReadDocumentsAsync(organizationId, current.Generation, cancellationToken).ToDictionaryAsync(d => d.Id, StringComparer.Ordinal, cancellationToken);
        var generations = await cache.ListGenerationsAsync(organizationId, cancellationToken);
        var generation = Math.Max(current?.Generation ?? 0, generations.Count > 0 ? generations.Max() : 0) + 1;

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
        var fetched = await FetchAsync(plan.ToFetch, listed.Count, progress, cancellationToken);

        var documents = plan.CarriedOver.Concat(fetched).ToList();
        var written = 0;
        await cache.WriteMembersAsync(organizationId, generation, members.Values, cancellationToken);
        foreach (var batch in documents.Chunk(options.WriteBatchSize))
        {
            await cache.WriteDocumentsAsync(organizationId, generation, batch, cancellationToken);
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
        if (!await cache.PublishAsync(metadata, current?.Generation ?? 0, cancellationToken))
        {
            throw new InvalidOperationException("The cache was published by someone else during this refresh; nothing was published. Run the refresh again.");
        }

        await DeleteOldGenerationsAsync(organizationId, keep: [generation, current?.Generation ?? 0], generations, cancellationToken);
        progress?.Report(new RefreshProgress(RefreshPhase.Done, listed.Count, plan.ToFetch.Count, fetched.Count, Failed(fetched), written));
        foreach (var warning in lister.Warnings)
        {
            LogListingWarning(logger, warning);
        }

        return new RefreshSummary(plan.Added, plan.Changed, plan.Unchanged, plan.Removed, Failed(fetched), metadata);
    }

    private async Task<List<CachedDocument>> FetchAsync(
        IReadOnlyList<CachedDocument> toFetch, int listed, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
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

    private async Task KeepLeaseAsync(RefreshLease lease, TimeSpan duration, CancellationTokenSource refresh)
    {
        using var timer = new PeriodicTimer(duration / 3, time);
        try
        {
            while (await timer.WaitForNextTickAsync(refresh.Token))
            {
                if (!await cache.RenewLeaseAsync(lease, duration, refresh.Token))
                {
                    await refresh.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The refresh finished, or the lease was lost and the refresh was told.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh published what it could read: {Warning}")]
    private static partial void LogListingWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old cache generation {Generation}; the next refresh will try again")]
    private static partial void LogCleanupFailed(ILogger logger, long generation, Exception exception);
}
