namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A team.</summary>
internal sealed record Team(string TeamId, string Name, string? Description = null);
