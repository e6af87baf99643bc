namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>
/// An export's file as text, cut at a row boundary when it was larger than the cap.
/// </summary>
/// <param name="QueryId">The export query the file came from.</param>
/// <param name="Content">The file: whole, or its first complete rows.</param>
/// <param name="Truncated">True when rows after <paramref name="Content"/> were left unread.</param>
/// <param name="Lines">Complete lines (rows, plus a CSV's header) in <paramref name="Content"/>.</param>
internal sealed record ExportDownload(string QueryId, string Content, bool Truncated, int Lines);
