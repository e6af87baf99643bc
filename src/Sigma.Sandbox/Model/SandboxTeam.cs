namespace Sigma.Sandbox.Model;

/// <summary>A team and the ids of its members.</summary>
public sealed record SandboxTeam(
    string TeamId,
    string Name,
    string Description,
    string Visibility,
    IReadOnlyList<string> MemberIds,
    DateTimeOffset CreatedAt);
