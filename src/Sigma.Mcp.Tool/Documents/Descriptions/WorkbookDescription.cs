namespace Sigma.Mcp.Tool.Documents;

/// <summary>
/// What <c>describe_workbook</c> returns: the workbook, its pages and elements, the controls an export can set, its
/// sources. A large workbook's elements come in windows: <see cref="NextOffset"/> is set when more follow.
/// </summary>
internal sealed record WorkbookDescription(
    string Id,
    string? UrlId,
    string Name,
    string? Url,
    string? Path,
    string? Description,
    string? OwnerName,
    string? Badge,
    IReadOnlyList<string> Tags,
    DateTimeOffset? UpdatedAt,
    int? LatestVersion,
    IReadOnlyList<PageDescription> Pages,
    IReadOnlyList<ControlDescription> Controls,
    IReadOnlyList<SourceDescription> Sources,
    string Source,
    string? Note,
    int ElementCount = 0,
    int Offset = 0,
    int? NextOffset = null);
