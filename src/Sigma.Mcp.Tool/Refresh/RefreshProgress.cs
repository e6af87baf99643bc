namespace Sigma.Mcp.Tool.Refresh;

/// <summary>Where a refresh is, for progress displays. Counts only grow.</summary>
internal sealed record RefreshProgress(RefreshPhase Phase, int Listed, int ToFetch, int Fetched, int Failed, int Written);

/// <summary>The steps of a refresh, in order.</summary>
internal enum RefreshPhase
{
    Listing,
    Fetching,
    Writing,
    Publishing,
    Done,
}
