using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>The who/when/where every generated document shares, drawn once per document.</summary>
internal readonly record struct DocumentStamp(
    string OwnerId,
    string UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Path,
    string ParentId,
    string? Badge,
    bool IsArchived,
    string Permission)
{
    private static readonly string[] s_permissions = ["edit", "edit", "explore", "view"];

    /// <summary>
    /// Places the document in its domain's workspace (mostly in one of its folders), picks an owner, and gives a few
    /// documents a badge (4% Endorsed, 2% Warning, 1.5% Deprecated) and 5% the archived flag.
    /// </summary>
    public static DocumentStamp Draw(DeterministicRandom random, FolderTree folders, IReadOnlyList<SandboxMember> owners, int domain)
    {
        SandboxFolder workspace = folders.Ensure(Vocabulary.Domains[domain].Name);
        List<SandboxFolder> children = folders.ChildrenOf(workspace);
        SandboxFolder parent = children.Count > 0 && random.Chance(0.8) ? random.Pick(children) : workspace;
        SandboxMember owner = random.Pick(owners);
        DateTimeOffset created = GenerationClock.Between(random, GenerationClock.Start);
        double badgeRoll = random.NextDouble();
        string? badge = badgeRoll < 0.04 ? "Endorsed" : badgeRoll < 0.06 ? "Warning" : badgeRoll < 0.075 ? "Deprecated" : null;
        string permission = owner.MemberId == SandboxWellKnown.AdaLovelaceMemberId ? "edit" : random.Pick(s_permissions);
        return new DocumentStamp(
            owner.MemberId,
            random.Chance(0.7) ? owner.MemberId : random.Pick(owners).MemberId,
            created,
            GenerationClock.Between(random, created),
            parent.FullPath,
            parent.Id,
            badge,
            random.Chance(0.05),
            permission);
    }
}
