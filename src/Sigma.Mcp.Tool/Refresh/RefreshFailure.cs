namespace Sigma.Mcp.Tool.Refresh;

/// <summary>A document whose details could not be fetched; <paramref name="KeptPrevious"/> when its old structure stayed.</summary>
internal sealed record RefreshFailure(string Id, string Name, string Error, bool KeptPrevious);
