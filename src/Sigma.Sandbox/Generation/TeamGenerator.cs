using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>One analysts team per domain plus a data team, each with a few active members.</summary>
internal static class TeamGenerator
{
    public static List<SandboxTeam> Generate(DeterministicRandom random, IReadOnlyList<SandboxMember> members)
    {
        var active = members.Where(m => !m.IsArchived && !m.IsInactive).Select(m => m.MemberId).ToList();
        var teams = new List<SandboxTeam>(Vocabulary.Domains.Length + 1)
        {
            new(random.NextUuid(), "Data Team", "Owns the warehouse, data models and certified content.", "public",
                [SandboxWellKnown.AdaLovelaceMemberId, .. random.Sample(active.Skip(1).ToList(), 4)], GenerationClock.Start),
        };
        foreach (DomainVocabulary domain in Vocabulary.Domains)
        {
            teams.Add(new SandboxTeam(
                random.NextUuid(),
                $"{domain.Name} Analysts",
                $"Analysts who build and maintain {domain.Name} content.",
                random.Chance(0.8) ? "public" : "private",
                random.Sample(active, random.Between(2, 8)),
                GenerationClock.Between(random, GenerationClock.Start)));
        }

        return teams;
    }
}
