namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// What a published generation holds and how it was made. Publishing a generation is one conditional write of this
/// record, which is what makes a refresh atomic for readers.
/// </summary>
internal sealed record CacheMetadata
{
    public required string OrganizationId { get; init; }

    public required string BaseUrl { get; init; }

    /// <summary>The published generation; readers read documents of this generation only.</summary>
    public required long Generation { get; init; }

    public required DateTimeOffset RefreshStartedAt { get; init; }

    public required DateTimeOffset RefreshCompletedAt { get; init; }

    /// <summary>Documents per type, plus <c>element</c> and <c>member</c>.</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>What the refresh that made this generation could not read (e.g. a document kind Sigma refused with 403).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public TimeSpan RefreshDuration => RefreshCompletedAt - RefreshStartedAt;
}
