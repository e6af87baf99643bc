namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A workbook from <c>GET /v2/workbooks</c> or <c>/v2/workbooks/{id}</c>.</summary>
internal sealed record Workbook(
    string WorkbookId,
    string WorkbookUrlId,
    string Name,
    string? Url,
    string? Path,
    int LatestVersion,
    string? OwnerId,
    string? CreatedBy,
    string? UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool? IsArchived = null,
    string? Description = null,
    IReadOnlyList<WorkbookTag>? Tags = null);
