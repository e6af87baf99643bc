namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>The result of <c>search_documents</c>. <see cref="NextOffset"/> is set when more matches follow.</summary>
internal sealed record SearchResults(string Query, int Count, int Offset, int? NextOffset, IReadOnlyList<SearchResultItem> Results, CacheState Cache, string? Message);

/// <summary>One hit. For a hit found through an element or column, the element's ids are set, ready for <c>export_data</c>.</summary>
internal sealed record SearchResultItem(
    string Id,
    string? UrlId,
    string Type,
    string Name,
    string? Path,
    string? Url,
    string? Badge,
    string? OwnerName,
    DateTimeOffset UpdatedAt,
    double Score,
    string MatchedField,
    string? MatchedText,
    string? WorkbookId,
    string? ElementId,
    string? ElementName,
    string? ElementType,
    string? PageId,
    string? PageName);

/// <summary>What the answer was drawn from.</summary>
internal sealed record CacheState(string State, long? Generation, DateTimeOffset? LastRefreshedAt, int Documents);
