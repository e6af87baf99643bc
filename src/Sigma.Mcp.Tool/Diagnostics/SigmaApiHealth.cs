using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Diagnostics;

/// <summary>Whether Sigma answered, how fast, and as whom.</summary>
internal sealed record SigmaApiHealth(
    [property: JsonPropertyName("connected")] bool Connected,
    [property: JsonPropertyName("response_time_ms")] long ResponseTimeMs,
    [property: JsonPropertyName("base_url")] string BaseUrl,
    [property: JsonPropertyName("organization_id")] string? OrganizationId,
    [property: JsonPropertyName("user_info")] UserInfo? UserInfo,
    [property: JsonPropertyName("status_code")] int? StatusCode,
    [property: JsonPropertyName("error_code")] string? ErrorCode,
    [property: JsonPropertyName("request_id")] string? RequestId);
