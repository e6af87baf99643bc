namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary><c>GET /v2/workbooks/{id}/lineage/elements/{elementId}</c>: the nodes an element depends on and the edges between them.</summary>
internal sealed record ElementLineage(IReadOnlyDictionary<string, LineageNode>? Dependencies, IReadOnlyList<LineageEdge>? Edges);
