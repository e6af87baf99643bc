using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A member of the organization: how owner ids become names.</summary>
internal sealed record Member(
    string MemberId,
    string? FirstName,
    string? LastName,
    string? Email,
    string? MemberType = null,
    string? OrganizationId = null,
    bool? IsArchived = null,
    bool? IsInactive = null)
{
    public string DisplayName => $"{FirstName} {LastName}".Trim() is { Length: > 0 } name ? name : Email ?? MemberId;
}

/// <summary>A team.</summary>
internal sealed record Team(string TeamId, string Name, string? Description = null);

/// <summary>A warehouse connection.</summary>
internal sealed record Connection(string ConnectionId, string Name, string? Type = null, bool? IsArchived = null);

/// <summary>An account type (listed with <c>pageToken</c> paging).</summary>
internal sealed record AccountType(string AccountTypeId, string Name, string? Description = null);

/// <summary>A column of a warehouse table (listed with <c>pageToken</c> paging).</summary>
internal sealed record TableColumn(string? ColumnId, string Name, [property: JsonConverter(typeof(ColumnTypeConverter))] string? Type = null);
