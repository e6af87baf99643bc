using System.ComponentModel;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// <c>refresh_cache</c>: starts (or joins) an incremental refresh in the background of the server and waits for it,
/// with progress notifications, for up to <see cref="BackgroundRefresh.CallWait"/>; a refresh still running then
/// carries on, and a later call reports its outcome.
/// </summary>
[McpServerToolType]
internal sealed class RefreshCacheTool(BackgroundRefresh refreshes)
{
    [McpServerTool(Name = ToolNames.RefreshCache, Title = "Refresh the document cache",
        ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(RefreshResult))]
    [Description("""
        Updates the local document cache that search_documents reads: fetches new and changed documents from Sigma and drops deleted ones.
        Use it when the user mentions something recent that search does not find. It only reads from Sigma; it never changes Sigma data.
        Takes seconds to minutes depending on how much changed; reports progress. A long refresh keeps running in the background
        (state 'running'): call refresh_cache again later to get its result.
        """)]
    public async Task<CallToolResult> RefreshCache(McpServer server, RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken = default)
    {
        var run = refreshes.StartOrJoin(new RefreshOptions());
        var updates = run.Watch(out var unwatch);
        var sender = SendProgressAsync(server, context.Params?.ProgressToken, updates, cancellationToken);
        try
        {
            // The wait ends with the refresh, after CallWait, or when the caller gives up; the refresh itself goes on.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.WhenAny(run.Completion, Task.Delay(refreshes.CallWait, wait.Token));
            await wait.CancelAsync();
        }
        finally
        {
            unwatch.Dispose();
            await sender;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!run.Completion.IsCompleted)
        {
            var progress = run.Latest is { } p ? Describe(p) : "starting";
            var text = $"The refresh is still running in the background ({progress}; started {run.StartedAt:u}). Call refresh_cache again later to get its result; search keeps using the current cache meanwhile.";
            return ToolResult.Create(new RefreshResult(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, int>(), []) { State = "running", Progress = progress },
                ToolJsonContext.Default.RefreshResult, text);
        }

        run.MarkReported();
        RefreshSummary summary;
        try
        {
            summary = await run.Completion;
        }
        catch (RefreshInProgressException ex)
        {
            throw new McpException(ex.Message);
        }

        var result = new RefreshResult(summary.Added, summary.Changed, summary.Unchanged, summary.Removed, summary.Failed,
            summary.Metadata.Generation, Math.Round(summary.Duration.TotalSeconds, 1), summary.Metadata.Counts, summary.Warnings)
        {
            Stale = summary.Stale,
        };
        var failures = summary.Failures.Count == 0 ? "" : $" Failed (retried next time): {string.Join(", ", summary.Failures.Take(5).Select(f => $"'{f.Name}' ({f.Error})"))}{(summary.Failures.Count > 5 ? ", …" : "")}.";
        var done = $"Cache refreshed in {result.DurationSeconds} s: {result.Added} added, {result.Changed} changed, {result.Unchanged} unchanged, {result.Removed} removed, {result.Failed} failed ({result.Stale} kept their previous structure).{failures}" +
            string.Concat(summary.Warnings.Select(w => "\nWarning: " + w));
        return ToolResult.Create(result, ToolJsonContext.Default.RefreshResult, done);
    }

    private static string Describe(RefreshProgress update) => update.Phase switch
    {
        RefreshPhase.Listing => $"listing: {update.Listed} documents",
        RefreshPhase.Fetching => $"fetching: {update.Fetched}/{update.ToFetch} documents ({update.Failed} failed)",
        RefreshPhase.Writing => $"writing: {update.Written}/{update.Listed} documents",
        RefreshPhase.Publishing => "publishing",
        _ => $"done: {update.Written} documents cached",
    };

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
}
