namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>An entry of <c>GET /v2/files</c>: any document or folder, with its place in the tree.</summary>
internal sealed record SigmaFile(
    string Id,
    string UrlId,
    string Name,
    string Type,
    string? ParentId,
    string? ParentUrlId,
    string? Path,
    string? Badge,
    bool IsArchived,
    string? Description,
    string? OwnerId,
    string? CreatedBy,
    string? UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Permission = null);
