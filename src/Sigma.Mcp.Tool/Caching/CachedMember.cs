namespace Sigma.Mcp.Tool.Caching;

/// <summary>A member of the organization, for owner names.</summary>
internal sealed record CachedMember(string MemberId, string Name, string? Email);
