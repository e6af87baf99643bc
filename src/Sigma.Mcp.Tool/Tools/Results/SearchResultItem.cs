namespace Sigma.Mcp.Tool.Tools.Results;

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
