namespace Sigma.Sandbox.Model;

/// <summary>A member of the organization, as <c>/v2/members</c> describes it.</summary>
public sealed record SandboxMember
{
    public required string MemberId { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string Email { get; init; }

    /// <summary>The account type name, e.g. <c>Admin</c>, <c>Creator</c>, <c>Explorer</c>, <c>Viewer</c>.</summary>
    public required string MemberType { get; init; }

    /// <summary><c>internal</c> or <c>guest</c>.</summary>
    public string UserKind { get; init; } = "internal";

    public required string HomeFolderId { get; init; }

    public required string CreatedBy { get; init; }

    public required string UpdatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public bool IsArchived { get; init; }

    public bool IsInactive { get; init; }

    public string Name => $"{FirstName} {LastName}";
}
