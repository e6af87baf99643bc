namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>The body of <c>GET /v2/whoami</c>: who the API credentials act as.</summary>
internal sealed record WhoAmI(string UserId, string OrganizationId, string? AccountType = null, string? Email = null, string? Name = null);
