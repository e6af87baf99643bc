namespace Sigma.Mcp.Tool.Refresh;

/// <summary>How to refresh.</summary>
/// <param name="Full">Fetch every document's details again instead of only new and changed ones.</param>
internal sealed record RefreshOptions(bool Full = false)
{
    /// <summary>How long a lease lasts without renewal; a refresh renews it every third of this.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Documents written to the cache per call.</summary>
    public int WriteBatchSize { get; init; } = 250;
}
