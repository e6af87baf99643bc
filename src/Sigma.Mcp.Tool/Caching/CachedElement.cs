namespace Sigma.Mcp.Tool.Caching;

/// <summary>An element: a table, chart, pivot table, control or text, with its column names.</summary>
internal sealed record CachedElement(string ElementId, string? Name, string? Type, string? PageId, IReadOnlyList<string> Columns);
