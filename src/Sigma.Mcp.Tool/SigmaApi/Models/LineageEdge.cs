namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>An edge of the lineage graph (<c>source</c>, <c>lookup</c> or <c>dependency</c>).</summary>
internal sealed record LineageEdge(string Source, string Target, string? Type = null);
