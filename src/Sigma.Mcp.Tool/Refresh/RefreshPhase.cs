namespace Sigma.Mcp.Tool.Refresh;

/// <summary>The steps of a refresh, in order.</summary>
internal enum RefreshPhase
{
    Listing,
    Fetching,
    Writing,
    Publishing,
    Done,
}
