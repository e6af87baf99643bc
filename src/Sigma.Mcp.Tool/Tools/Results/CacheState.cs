namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>What the answer was drawn from.</summary>
internal sealed record CacheState(string State, long? Generation, DateTimeOffset? LastRefreshedAt, int Documents);
