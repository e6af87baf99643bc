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
