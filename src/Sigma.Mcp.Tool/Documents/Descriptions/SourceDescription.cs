namespace Sigma.Mcp.Tool.Documents;

internal sealed record SourceDescription(string Type, string? Name, string? Id);
