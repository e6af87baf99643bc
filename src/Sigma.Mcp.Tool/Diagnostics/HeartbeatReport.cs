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

/// <summary>The body of <c>/v2/whoami</c>, with Sigma's own (camelCase) names as the original server returned it.</summary>
internal sealed record UserInfo(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("organizationId")] string OrganizationId,
    [property: JsonPropertyName("accountType")] string? AccountType,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>
/// Where the document cache lives and what it holds. <c>state</c> is <c>ready</c>, <c>empty</c> (never refreshed),
/// <c>unavailable</c> (the backend failed) or <c>unknown</c> (Sigma did not say which organization to look up).
/// </summary>
internal sealed record DocumentCacheHealth(
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("generation")] long? Generation,
    [property: JsonPropertyName("workbooks_count")] int WorkbooksCount,
    [property: JsonPropertyName("data_models_count")] int DataModelsCount,
    [property: JsonPropertyName("datasets_count")] int DatasetsCount,
    [property: JsonPropertyName("elements_count")] int ElementsCount,
    [property: JsonPropertyName("last_updated")] string LastUpdated,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);

/// <summary>What is answering.</summary>
internal sealed record ServerInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("runtime")] string Runtime,
    [property: JsonPropertyName("environment")] string Environment,
    [property: JsonPropertyName("lambda_function")] string LambdaFunction);
