namespace Sigma.Mcp.Tool.Tools.Results;

internal sealed record LineageEdgeItem(string Source, string Target, string? Type);
