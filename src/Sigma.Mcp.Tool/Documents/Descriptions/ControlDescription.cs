namespace Sigma.Mcp.Tool.Documents;

internal sealed record ControlDescription(string? ControlId, string Name, string? ValueType);
