using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Refresh;

/// <summary>What a refresh did.</summary>
/// <param name="Added">Documents new since the previous generation.</param>
/// <param name="Changed">Documents Sigma reports as updated since the previous generation; their details were fetched again.</param>
/// <param name="Unchanged">Documents Sigma reports as not updated: carried over without a call to Sigma, or fetched again with --full.</param>
/// <param name="Removed">Documents in the previous generation that Sigma no longer lists.</param>
/// <param name="Failed">Documents whose details could not be fetched (the stale ones among them included).</param>
/// <param name="Metadata">The published generation.</param>
internal sealed record RefreshSummary(int Added, int Changed, int Unchanged, int Removed, int Failed, CacheMetadata Metadata)
{
    public TimeSpan Duration => Metadata.RefreshDuration;

    /// <summary>Documents whose details were to be fetched.</summary>
    public int ToFetch { get; init; }

    /// <summary>Failed documents that kept the structure of the previous generation (marked with their error).</summary>
    public int Stale { get; init; }

    /// <summary>The failed documents, for messages; the next refresh retries each.</summary>
    public IReadOnlyList<RefreshFailure> Failures { get; init; } = [];

    /// <summary>True when there was something to fetch and not one fetch succeeded.</summary>
    public bool NothingFetched => ToFetch > 0 && Failed == ToFetch;

    /// <summary>What the refresh could not read; the published generation holds everything else.</summary>
    public IReadOnlyList<string> Warnings => Metadata.Warnings;
}

/// <summary>A document whose details could not be fetched; <paramref name="KeptPrevious"/> when its old structure stayed.</summary>
internal sealed record RefreshFailure(string Id, string Name, string Error, bool KeptPrevious);
