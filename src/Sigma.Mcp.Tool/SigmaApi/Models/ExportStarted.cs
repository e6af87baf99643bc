namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>What Sigma answers to an export request.</summary>
internal sealed record ExportStarted(string QueryId, bool? JobComplete = null, string? Message = null);
