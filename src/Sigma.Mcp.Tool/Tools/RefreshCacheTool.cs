using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Caching.Refresh;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary><c>refresh_cache</c>: an incremental refresh from the assistant, with progress notifications.</summary>
[McpServerToolType]
internal sealed class RefreshCacheTool(CacheRefresher refresher, SearchIndexProvider index)
{
    [McpServerTool(Name = "refresh_cache", Title = "Refresh the document cache",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(RefreshResult))]
    [Description("""
        Updates the local document cache that search_documents reads: fetches new and changed documents from Sigma and drops deleted ones.
        Use it when the user mentions something recent that search does not find. It only reads from Sigma; it never changes Sigma data.
        Takes seconds to minutes depending on how much changed; reports progress.
        """)]
    public async Task<CallToolResult> RefreshCache(IProgress<ProgressNotificationValue> progress, CancellationToken cancellationToken = default)
    {
        RefreshSummary summary;
        try
        {
            summary = await refresher.RefreshAsync(new RefreshOptions(), new Progress(progress), cancellationToken);
        }
        catch (RefreshInProgressException ex)
        {
            throw new McpException(ex.Message);
        }

        await index.ReloadAsync(cancellationToken);
        var result = new RefreshResult(summary.Added, summary.Changed, summary.Unchanged, summary.Removed, summary.Failed,
            summary.Metadata.Generation, Math.Round(summary.Duration.TotalSeconds, 1), summary.Metadata.Counts);
        var text = $"Cache refreshed in {result.DurationSeconds} s: {result.Added} added, {result.Changed} changed, {result.Unchanged} unchanged, {result.Removed} removed, {result.Failed} failed.";
        return ToolResult.Create(result, ToolJsonContext.Default.RefreshResult, text);
    }

    /// <summary>Refresh progress as MCP progress notifications (a no-op when the client sent no progress token).</summary>
    private sealed class Progress(IProgress<ProgressNotificationValue> target) : IProgress<RefreshProgress>
    {
        public void Report(RefreshProgress value) => target.Report(new ProgressNotificationValue
        {
            Progress = value.Phase switch
            {
                RefreshPhase.Fetching => value.Fetched,
                RefreshPhase.Writing or RefreshPhase.Publishing or RefreshPhase.Done => value.ToFetch,
                _ => 0,
            },
            Total = value.ToFetch > 0 ? value.ToFetch : null,
            Message = $"{value.Phase}: {value.Listed} listed, {value.Fetched}/{value.ToFetch} fetched, {value.Written} written",
        });
    }
}
