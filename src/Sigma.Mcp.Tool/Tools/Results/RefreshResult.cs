namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>
/// What <c>refresh_cache</c> returns. <see cref="State"/> is <c>completed</c> (the counts are the refresh's) or
/// <c>running</c> (the refresh goes on in the background; <see cref="Progress"/> says how far it is; call again later).
/// </summary>
internal sealed record RefreshResult(int Added, int Changed, int Unchanged, int Removed, int Failed, long Generation, double DurationSeconds, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Warnings)
{
    public string State { get; init; } = "completed";

    /// <summary>Failed documents that kept their structure from the previous refresh.</summary>
    public int Stale { get; init; }

    /// <summary>Where a running refresh is.</summary>
    public string? Progress { get; init; }
}
