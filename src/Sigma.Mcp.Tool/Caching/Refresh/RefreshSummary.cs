namespace Sigma.Mcp.Tool.Caching.Refresh;

/// <summary>What a refresh did.</summary>
/// <param name="Added">Documents new since the previous generation.</param>
/// <param name="Changed">Documents whose details were fetched again because they changed (or, with --full, all of them).</param>
/// <param name="Unchanged">Documents carried over from the previous generation without a call to Sigma.</param>
/// <param name="Removed">Documents in the previous generation that Sigma no longer lists.</param>
/// <param name="Failed">Documents cached with their listing only, because fetching their details failed.</param>
/// <param name="Metadata">The published generation.</param>
internal sealed record RefreshSummary(int Added, int Changed, int Unchanged, int Removed, int Failed, CacheMetadata Metadata)
{
    public TimeSpan Duration => Metadata.RefreshDuration;

    /// <summary>What the refresh could not read; the published generation holds everything else.</summary>
    public IReadOnlyList<string> Warnings => Metadata.Warnings;
}
