namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A version tag on a workbook.</summary>
internal sealed record WorkbookTag(string? VersionTagId, string Name, int? SourceWorkbookVersion = null, DateTimeOffset? WorkbookTaggedAt = null);
