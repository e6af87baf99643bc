namespace Sigma.Mcp.Tool.Documents;

/// <summary>What <c>describe_data_model</c> returns; <see cref="NextOffset"/> is set when more elements follow.</summary>
internal sealed record DataModelDescription(
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
    IReadOnlyList<ElementDescription> Elements,
    string Source,
    string? Note,
    int ElementCount = 0,
    int Offset = 0,
    int? NextOffset = null);
