namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>A node; a data-model reference also names its data model (id and name from the cache, when it knows it).</summary>
internal sealed record LineageNodeItem(string NodeId, string Type, string? Name, string? ElementId, string? DataModelId, string? DataModelName);
