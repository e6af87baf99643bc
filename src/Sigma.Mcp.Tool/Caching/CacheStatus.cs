using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>What the cache holds for one organization: <c>sigma-mcp cache status</c>'s report.</summary>
internal sealed record CacheStatus(
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("organization_id")] string OrganizationId,
    [property: JsonPropertyName("base_url")] string? BaseUrl,
    [property: JsonPropertyName("generation")] long? Generation,
    [property: JsonPropertyName("last_refreshed_at")] DateTimeOffset? LastRefreshedAt,
    [property: JsonPropertyName("refresh_started_at")] DateTimeOffset? RefreshStartedAt,
    [property: JsonPropertyName("refresh_duration_ms")] long? RefreshDurationMs,
    [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts)
{
    public static CacheStatus From(ICache cache, string organizationId, CacheMetadata? metadata) => new(
        cache.Backend,
        cache.Location,
        organizationId,
        metadata?.BaseUrl,
        metadata?.Generation,
        metadata?.RefreshCompletedAt,
        metadata?.RefreshStartedAt,
        metadata is null ? null : (long)metadata.RefreshDuration.TotalMilliseconds,
        Enumerable.Concat(DocumentTypes.All, ["element", "member"]).ToDictionary(k => k, k => metadata?.Counts.GetValueOrDefault(k) ?? 0));
}
