namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>The SQL behind an element.</summary>
internal sealed record ElementQuery(string ElementId, string? Name = null, string? Sql = null, string? Error = null);
