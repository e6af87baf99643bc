namespace Sigma.Mcp.Tool.Documents;

internal sealed record PageDescription(string PageId, string? Name, IReadOnlyList<ElementDescription> Elements);
