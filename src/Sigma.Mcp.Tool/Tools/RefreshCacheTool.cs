using System.ComponentModel;
using System.Threading.Channels;
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
    [McpServerTool(Name = ToolNames.RefreshCache, Title = "Refresh the document cache",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(RefreshResult))]
    [Description("""
        Updates the local document cache that search_documents reads: fetches new and changed documents from Sigma and drops deleted ones.
        Use it when the user mentions something recent that search does not find. It only reads from Sigma; it never changes Sigma data.
        Takes seconds to minutes depending on how much changed; reports progress.
        """)]
    public async Task<CallToolResult> RefreshCache(McpServer server, RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken = default)
    {
        // Notifications go out one at a time, in order, each with a higher progress value, and all before the result.
        var updates = Channel.CreateUnbounded<RefreshProgress>(new UnboundedChannelOptions { SingleReader = true });
        var sender = SendProgressAsync(server, context.Params?.ProgressToken, updates.Reader, cancellationToken);
        RefreshSummary summary;
        try
        {
            summary = await refresher.RefreshAsync(new RefreshOptions(), new Progress<RefreshProgress>(updates.Writer), cancellationToken);
        }
        catch (RefreshInProgressException ex)
        {
            throw new McpException(ex.Message);
        }
        finally
        {
            updates.Writer.TryComplete();
            await sender;
        }

        await index.ReloadAsync(cancellationToken);
        var result = new RefreshResult(summary.Added, summary.Changed, summary.Unchanged, summary.Removed, summary.Failed,
            summary.Metadata.Generation, Math.Round(summary.Duration.TotalSeconds, 1), summary.Metadata.Counts);
        var text = $"Cache refreshed in {result.DurationSeconds} s: {result.Added} added, {result.Changed} changed, {result.Unchanged} unchanged, {result.Removed} removed, {result.Failed} failed.";
        return ToolResult.Create(result, ToolJsonContext.Default.RefreshResult, text);
    }

    private static async Task SendProgressAsync(McpServer server, ProgressToken? token, ChannelReader<RefreshProgress> updates, CancellationToken cancellationToken)
    {
        var last = -1.0;
        await foreach (var update in updates.ReadAllAsync(CancellationToken.None))
        {
            // Progress counts fetched documents, then three last steps (writing, publishing, done); the total is known
            // once listing is over. Every notification carries a higher value than the one before, as the spec requires.
            var total = update.ToFetch + 3.0;
            var (progress, message) = update.Phase switch
            {
                RefreshPhase.Listing => (0.0, $"Listing: {update.Listed} documents"),
                RefreshPhase.Fetching => (update.Fetched, $"Fetching: {update.Fetched}/{update.ToFetch} documents ({update.Failed} failed)"),
                RefreshPhase.Writing => (update.ToFetch + 1 + (update.Written / (update.Listed + 1.0)), $"Writing: {update.Written}/{update.Listed} documents"),
                RefreshPhase.Publishing => (update.ToFetch + 2.0, "Publishing"),
                _ => (total, $"Done: {update.Written} documents cached"),
            };
            if (token is not { } progressToken || progress <= last || cancellationToken.IsCancellationRequested)
            {
                continue;
            }

            last = progress;
            try
            {
                await server.NotifyProgressAsync(progressToken, new ProgressNotificationValue
                {
                    Progress = (float)progress,
                    Total = update.Phase == RefreshPhase.Listing ? null : (float)total,
                    Message = message,
                }, cancellationToken: cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The client went away; the refresh itself carries on.
            }
        }
    }

    /// <summary>Forwards refresh progress into the channel, synchronously and in the order reported.</summary>
    private sealed class Progress<T>(ChannelWriter<T> writer) : IProgress<T>
    {
        public void Report(T value) => writer.TryWrite(value);
    }
}
