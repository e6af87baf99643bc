namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>An account type (listed with <c>pageToken</c> paging).</summary>
internal sealed record AccountType(string AccountTypeId, string Name, string? Description = null);
