using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Diagnostics;

/// <summary>
/// The health of one server: the original TypeScript server's shape (<c>status</c>, <c>timestamp</c>, <c>sigma_api</c>,
/// <c>document_cache</c>, <c>server_info</c>) so its users' prompts keep working, plus what helps diagnose a problem.
/// The same object is the <c>heartbeat</c> tool's result and <c>sigma-mcp heartbeat --json</c>'s output.
/// </summary>
internal sealed record HeartbeatReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("sigma_api")] SigmaApiHealth SigmaApi,
    [property: JsonPropertyName("document_cache")] DocumentCacheHealth DocumentCache,
    [property: JsonPropertyName("server_info")] ServerInfo ServerInfo,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("next_step")] string? NextStep)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    [JsonIgnore]
    public bool IsHealthy => Status == Healthy;
}
