using System.Collections.Concurrent;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox;

/// <summary>
/// Which documents each member can open, as <c>/v2/members/{memberId}/files</c> lists them. Admins open everything;
/// other members open what they own and the workspaces (top-level folders) granted to them, a deterministic half of
/// them by member. Tests grant or revoke single documents on top, as a Sigma admin would share or unshare them.
/// </summary>
public sealed class MemberAccess
{
    private readonly ConcurrentDictionary<(string Member, string Document), bool> _overrides = new();

    /// <summary>Shares <paramref name="documentId"/> with <paramref name="memberId"/>.</summary>
    public void Grant(string memberId, string documentId) => _overrides[(memberId, documentId)] = true;

    /// <summary>Takes <paramref name="documentId"/> away from <paramref name="memberId"/>.</summary>
    public void Revoke(string memberId, string documentId) => _overrides[(memberId, documentId)] = false;

    public bool CanOpen(SandboxMember member, SandboxDocument document)
    {
        if (_overrides.TryGetValue((member.MemberId, document.Id), out var granted))
        {
            return granted;
        }

        if (member.MemberType == "Admin" || document.OwnerId == member.MemberId)
        {
            return true;
        }

        var workspace = document.Path.Split('/')[0];
        return (StableHash(member.MemberId + "/" + workspace) & 1) == 0;
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
