namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A version tag on a data model (its field names differ from a workbook's).</summary>
internal sealed record DataModelTag(string? VersionTagId, string TagName, int? SourceVersion = null, DateTimeOffset? TaggedAt = null);
