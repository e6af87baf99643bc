using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// One consistent view for a tool call: the index, the cache generation it came from (<c>Metadata</c>), and its
/// <c>State</c>: <c>loading</c>, <c>empty</c> (never refreshed), <c>ready</c> or <c>unavailable</c>, with the
/// <c>Problem</c> when the last load failed.
/// </summary>
internal sealed record SearchSnapshot(SearchIndex? Index, CacheMetadata? Metadata, string? OrganizationId, string State, string? Problem);
