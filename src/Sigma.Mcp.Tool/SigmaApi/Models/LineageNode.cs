namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>
/// A node of the lineage graph: a <c>table</c>, <c>dataset</c>, <c>data-model</c> (id <c>&lt;dataModelUrlId&gt;/&lt;suffix&gt;</c>),
/// <c>join</c>, custom SQL, or a <c>sheet</c> (an element, with its <c>elementId</c>).
/// </summary>
internal sealed record LineageNode(string NodeId, string Type, string? Name = null, string? ElementId = null);
