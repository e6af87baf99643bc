namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>
/// The result of <c>search_documents</c>. <see cref="NextOffset"/> is set when more matches follow;
/// <paramref name="UnmatchedWords"/> are query words no result matched (null when all did).
/// </summary>
internal sealed record SearchResults(
    string Query, int Count, int Offset, int? NextOffset, IReadOnlyList<SearchResultItem> Results, CacheState Cache, string? Message,
    IReadOnlyList<string>? UnmatchedWords = null);
