using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>Everything generation produces; documents are in insertion (paging) order.</summary>
internal sealed record GeneratedOrganization(
    string OrganizationId,
    string Slug,
    IReadOnlyList<SandboxMember> Members,
    IReadOnlyList<SandboxTeam> Teams,
    IReadOnlyList<SandboxAccountType> AccountTypes,
    IReadOnlyList<SandboxVersionTag> VersionTags,
    IReadOnlyList<SandboxConnection> Connections,
    IReadOnlyList<SandboxDocument> Documents);
