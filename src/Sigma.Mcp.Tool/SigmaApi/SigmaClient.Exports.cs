using System.Net;
using System.Net.Http.Json;
using System.Text;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.SigmaApi;

internal sealed partial class SigmaClient
{
    private static readonly TimeSpan s_firstPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_longestPoll = TimeSpan.FromSeconds(5);

    /// <summary><c>POST /v2/workbooks/{id}/export</c>: starts exporting one element's data; returns the query to download.</summary>
    public async Task<ExportStarted> StartExportAsync(string workbookId, ExportRequest request, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(request, SigmaJsonContext.Default.ExportRequest);
        using var response = await SendAsync(HttpMethod.Post, $"v2/workbooks/{Segment(workbookId)}/export", content, cancellationToken);
        return await ReadJsonAsync(response, SigmaJsonContext.Default.ExportStarted, cancellationToken);
    }

    /// <summary>
    /// Polls <c>GET /v2/query/{queryId}/download</c> (204 = not ready yet) with growing back-off until
    /// <paramref name="deadline"/>, then reads the file, line by line, keeping at most <paramref name="maxBytes"/>:
    /// a larger file is cut after its last complete line and flagged, and the rest is never read into memory. A first
    /// line larger than the cap is returned whole (and flagged when more follow). For jsonl, where a line is a record;
    /// a CSV field may hold line breaks, so a CSV cut can fall inside a record.
    /// </summary>
    public async Task<ExportDownload> DownloadExportAsync(string queryId, TimeSpan deadline, int maxBytes, CancellationToken cancellationToken = default)
    {
        var path = $"v2/query/{Segment(queryId)}/download";
        var giveUpAt = DateTimeOffset.UtcNow + deadline;
        var wait = s_firstPoll;
        while (true)
        {
            using var response = await SendAsync(HttpMethod.Get, path, content: null, cancellationToken);
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                return await ReadCappedAsync(queryId, body, maxBytes, cancellationToken);
            }

            if (DateTimeOffset.UtcNow + wait > giveUpAt)
            {
                throw new SigmaApiException(null, "export_timeout",
                    $"Export query '{queryId}' was not ready after {deadline.TotalSeconds:0} s. Retry later, or export fewer rows (row_limit).",
                    null, "GET", "/" + path);
            }

            await Task.Delay(wait, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(s_longestPoll.Ticks, (long)(wait.Ticks * 1.6)));
        }
    }

    private static async Task<ExportDownload> ReadCappedAsync(string queryId, Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var content = new StringBuilder();
        var bytes = 0;
        var lines = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;

            // A first line over the cap is kept all the same (the caller shortens it), so that paging always advances.
            if (bytes + size > maxBytes && lines > 0)
            {
                return new ExportDownload(queryId, content.ToString(), Truncated: true, lines);
            }

            content.Append(line).Append('\n');
            bytes += size;
            lines++;
            if (bytes > maxBytes)
            {
                return new ExportDownload(queryId, content.ToString(), Truncated: true, lines);
            }
        }

        return new ExportDownload(queryId, content.ToString(), Truncated: false, lines);
    }
}
