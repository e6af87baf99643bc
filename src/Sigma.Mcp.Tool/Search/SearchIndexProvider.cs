using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Keeps the in-memory <see cref="SearchIndex"/> in step with the cache: built in the background when the server starts
/// (so <c>initialize</c> never waits for it), then rebuilt and swapped whenever the cache publishes a new generation
/// (checked every <see cref="SearchOptions.CachePollInterval"/>, or at once after a refresh from this process). Readers get an immutable snapshot.
/// The organization id comes from <see cref="OrganizationLookup"/> (the cache first), so loading never needs Sigma once a
/// refresh or a start with Sigma up has stored it.
/// </summary>
internal sealed partial class SearchIndexProvider(
    ICache cache, OrganizationLookup organization, IOptions<SearchOptions> options, TimeProvider time, ILogger<SearchIndexProvider> logger) : BackgroundService
{
    private static readonly TimeSpan s_firstLoadWait = TimeSpan.FromSeconds(20);

    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile SearchSnapshot _snapshot = new(null, null, null, CacheStates.Loading, null);

    /// <summary>The current snapshot, waiting (briefly) for the first load when the server has just started.</summary>
    public async Task<SearchSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        // Once loaded, at once: the wait below always moves to another pool thread (a hop on every call).
        if (_firstLoad.Task.IsCompleted)
        {
            return _snapshot;
        }

        await _firstLoad.Task.WaitAsync(s_firstLoadWait, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default);
        return _snapshot;
    }

    /// <summary>Loads the published generation now if it is not the one in memory (after a refresh, say).</summary>
    public async Task<SearchSnapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        await LoadIfChangedAsync(cancellationToken);
        return _snapshot;
    }

    public override void Dispose()
    {
        _loading.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await LoadIfChangedAsync(stoppingToken);
            try
            {
                await Task.Delay(options.Value.CachePollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task LoadIfChangedAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            var organizationId = _snapshot.OrganizationId ?? await organization.FindAsync(cancellationToken);
            var metadata = await cache.GetMetadataAsync(organizationId, cancellationToken);
            if (metadata is null)
            {
                _snapshot = new SearchSnapshot(SearchIndex.Build([]), null, organizationId, CacheStates.Empty, null);
            }
            else if (_snapshot.Index?.Generation != metadata.Generation || _snapshot.Metadata is null)
            {
                var documents = await cache.ReadDocumentsAsync(organizationId, metadata.Generation, cancellationToken).ToListAsync(cancellationToken);
                _snapshot = new SearchSnapshot(SearchIndex.Build(documents, metadata.Generation), metadata, organizationId, CacheStates.Ready, null);
                LogLoaded(logger, documents.Count, metadata.Generation);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Keep serving the last good index; tools say what went wrong.
            _snapshot = _snapshot with { Problem = ex.Message, State = _snapshot.Index is null ? CacheStates.Unavailable : _snapshot.State };
            LogLoadFailed(logger, ex.Message);
            logger.LogFailureDetail("Search index not loaded", ex);
        }
        finally
        {
            _loading.Release();
            _firstLoad.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index loaded: {Documents} documents from cache generation {Generation}")]
    private static partial void LogLoaded(ILogger logger, int documents, long generation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index not loaded: {Reason}")]
    private static partial void LogLoadFailed(ILogger logger, string reason);
}
