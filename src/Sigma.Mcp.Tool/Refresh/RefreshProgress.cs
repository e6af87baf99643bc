namespace Sigma.Mcp.Tool.Refresh;

/// <summary>Where a refresh is, for progress displays. Counts only grow.</summary>
internal sealed record RefreshProgress(RefreshPhase Phase, int Listed, int ToFetch, int Fetched, int Failed, int Written);
