using System.Text;

namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>
/// An export's file as text, cut at a row boundary when it was larger than the cap.
/// </summary>
/// <param name="QueryId">The export query the file came from.</param>
/// <param name="Content">The file: whole, or its first complete rows.</param>
/// <param name="Truncated">True when rows after <paramref name="Content"/> were left unread.</param>
/// <param name="Lines">Complete lines (rows, plus a CSV's header) in <paramref name="Content"/>.</param>
internal sealed record ExportDownload(string QueryId, string Content, bool Truncated, int Lines)
{
    /// <summary>
    /// The download read line by line, keeping at most <paramref name="maxBytes"/> (see
    /// <see cref="SigmaClient.DownloadExportAsync"/>); the rest is never read into memory.
    /// </summary>
    public static async Task<ExportDownload> ReadAsync(string queryId, Stream body, int maxBytes, CancellationToken cancellationToken)
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
