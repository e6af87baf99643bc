namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// The document cache's state as the server reports it: <c>search_documents</c>' <c>cache.state</c>, the heartbeat's
/// <c>document_cache.state</c> and <c>/readyz</c>'s <c>search_index</c>. The texts are part of that output.
/// </summary>
internal static class CacheStates
{
    /// <summary>The search index is being read from the cache for the first time.</summary>
    public const string Loading = "loading";

    /// <summary>The cache has never been refreshed.</summary>
    public const string Empty = "empty";

    public const string Ready = "ready";

    /// <summary>The cache could not be read.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The heartbeat could not tell which organization's cache to look at.</summary>
    public const string Unknown = "unknown";
}
