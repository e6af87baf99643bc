namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A warehouse connection.</summary>
internal sealed record Connection(string ConnectionId, string Name, string? Type = null, bool? IsArchived = null);
