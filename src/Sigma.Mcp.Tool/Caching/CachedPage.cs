namespace Sigma.Mcp.Tool.Caching;

/// <summary>A page of a workbook.</summary>
internal sealed record CachedPage(string PageId, string? Name);
