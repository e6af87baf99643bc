namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>The export's file format: <c>csv</c>, <c>json</c> or <c>jsonl</c>.</summary>
internal sealed record ExportFormat(string Type);
