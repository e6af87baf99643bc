namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>
/// What <c>get_lineage</c> returns: the element's upstream graph. <c>RootNodeId</c> is the element's own node (the
/// target of the last edges); <c>Nodes</c> are its upstreams only.
/// </summary>
internal sealed record ElementLineageResult(string WorkbookId, string ElementId, IReadOnlyList<LineageNodeItem> Nodes, IReadOnlyList<LineageEdgeItem> Edges, string? Note = null, string? RootNodeId = null);
