using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>Members: the well-known API user Ada Lovelace first, then generated people with unique emails.</summary>
internal static class MemberGenerator
{
    public static List<SandboxMember> Generate(DeterministicRandom random, int count)
    {
        DateTimeOffset founded = GenerationClock.Start.AddDays(-200);
        var members = new List<SandboxMember>(count + 1)
        {
            new()
            {
                MemberId = SandboxWellKnown.AdaLovelaceMemberId,
                FirstName = "Ada",
                LastName = "Lovelace",
                Email = SandboxWellKnown.AdaLovelaceEmail,
                MemberType = "Admin",
                HomeFolderId = "f0a1b2c3-d4e5-4f60-8a7b-8c9d0e1f2a3b",
                CreatedBy = SandboxWellKnown.AdaLovelaceMemberId,
                UpdatedBy = SandboxWellKnown.AdaLovelaceMemberId,
                CreatedAt = founded,
                UpdatedAt = founded,
            },
        };

        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { SandboxWellKnown.AdaLovelaceEmail };
        for (int i = 0; i < count; i++)
        {
            string first = random.Pick(PeopleVocabulary.FirstNames);
            string last = random.Pick(PeopleVocabulary.LastNames);
            DateTimeOffset created = GenerationClock.Between(random, founded);
            members.Add(new SandboxMember
            {
                MemberId = random.NextBase62(26),
                FirstName = first,
                LastName = last,
                Email = UniqueEmail(emails, first, last),
                MemberType = PickType(random),
                UserKind = random.Chance(0.05) ? "guest" : "internal",
                HomeFolderId = random.NextUuid(),
                CreatedBy = SandboxWellKnown.AdaLovelaceMemberId,
                UpdatedBy = SandboxWellKnown.AdaLovelaceMemberId,
                CreatedAt = created,
                UpdatedAt = GenerationClock.Between(random, created),
                IsArchived = random.Chance(0.04),
                IsInactive = random.Chance(0.06),
            });
        }

        return members;
    }

    private static string UniqueEmail(HashSet<string> taken, string first, string last)
    {
        string local = $"{first}.{last}".Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        string email = $"{local}@example.com";
        for (int n = 2; !taken.Add(email); n++)
        {
            email = $"{local}{n}@example.com";
        }

        return email;
    }

    private static string PickType(DeterministicRandom random)
    {
        double roll = random.NextDouble();
        foreach ((string name, double share) in PeopleVocabulary.MemberTypes)
        {
            if ((roll -= share) < 0)
            {
                return name;
            }
        }

        return "Viewer";
    }
}
