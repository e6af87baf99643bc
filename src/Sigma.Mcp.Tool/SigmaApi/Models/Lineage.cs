namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary><c>GET /v2/workbooks/{id}/lineage/elements/{elementId}</c>: the nodes an element depends on and the edges between them.</summary>
internal sealed record ElementLineage(IReadOnlyDictionary<string, LineageNode>? Dependencies, IReadOnlyList<LineageEdge>? Edges);

/// <summary>
/// A node of the lineage graph: a <c>table</c>, <c>dataset</c>, <c>data-model</c> (id <c>&lt;dataModelUrlId&gt;/&lt;suffix&gt;</c>),
/// <c>join</c>, custom SQL, or a <c>sheet</c> (an element, with its <c>elementId</c>).
/// </summary>
internal sealed record LineageNode(string NodeId, string Type, string? Name = null, string? ElementId = null);

/// <summary>An edge of the lineage graph (<c>source</c>, <c>lookup</c> or <c>dependency</c>).</summary>
internal sealed record LineageEdge(string Source, string Target, string? Type = null);
