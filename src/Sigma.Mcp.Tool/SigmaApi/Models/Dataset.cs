namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A (legacy) dataset. Its owner field is <c>owner</c>.</summary>
internal sealed record Dataset(
    string DatasetId,
    string Name,
    string? Description,
    string? Url,
    string? Path,
    string? Owner,
    string? CreatedBy,
    string? UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool? IsArchived = null,
    string? MigrationStatus = null);
