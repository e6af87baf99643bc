using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Diagnostics;

/// <summary>The body of <c>/v2/whoami</c>, with Sigma's own (camelCase) names as the original server returned it.</summary>
internal sealed record UserInfo(
    [property: JsonPropertyName("userId")] string UserId,
    [property: JsonPropertyName("organizationId")] string OrganizationId,
    [property: JsonPropertyName("accountType")] string? AccountType,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("name")] string? Name);
