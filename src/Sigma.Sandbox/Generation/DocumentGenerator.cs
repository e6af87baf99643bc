using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>
/// Generated workbooks, data models, datasets and reports. Names are domain × subject × kind ("Marketing Funnel
/// Weekly", "Inventory Health Tracker"); paths put each document in its domain's workspace.
/// </summary>
internal sealed class DocumentGenerator(
    DeterministicRandom random,
    FolderTree folders,
    IReadOnlyList<SandboxMember> owners,
    IReadOnlyList<SandboxVersionTag> versionTags,
    ISet<string> reservedNames)
{
    private readonly DescriptionWriter _descriptions = new();

    public SandboxWorkbook Workbook()
    {
        (int domain, int subject, int kind) = Theme();
        DomainVocabulary vocabulary = Vocabulary.Domains[domain];
        string baseName = random.Chance(0.4)
            ? $"{vocabulary.Name} {vocabulary.Subjects[subject]} {Vocabulary.Kinds[kind]}"
            : $"{vocabulary.Subjects[subject]} {Vocabulary.Kinds[kind]}";
        string name = random.Chance(0.2) ? Qualify(baseName) : baseName;
        while (reservedNames.Contains(name))
        {
            name = Qualify(baseName);
        }

        DocumentStamp stamp = Stamp(domain);
        int latestVersion = random.Between(1, 60);
        return new SandboxWorkbook
        {
            Id = random.NextUuid(),
            UrlId = random.NextBase62(22),
            Name = name,
            Description = random.Chance(0.9) ? _descriptions.For(domain, subject, kind) : null,
            Path = stamp.Path,
            ParentId = stamp.ParentId,
            OwnerId = stamp.OwnerId,
            CreatedBy = stamp.OwnerId,
            UpdatedBy = stamp.UpdatedBy,
            CreatedAt = stamp.CreatedAt,
            UpdatedAt = stamp.UpdatedAt,
            Badge = stamp.Badge,
            IsArchived = stamp.IsArchived,
            Permission = stamp.Permission,
            LatestVersion = latestVersion,
            Tags = WorkbookTags(latestVersion, stamp),
            Domain = domain,
            Subject = subject,
        };
    }

    public SandboxDataModel DataModel(int index)
    {
        int domain = index % Vocabulary.Domains.Length;
        DomainVocabulary vocabulary = Vocabulary.Domains[domain];
        int subject = random.Next(vocabulary.Subjects.Length);
        string name = (index / Vocabulary.Domains.Length % 3) switch
        {
            0 => $"{vocabulary.Name} Semantic Model",
            1 => $"{vocabulary.Subjects[subject]} Model",
            _ => $"{vocabulary.Subjects[subject]} Metrics Layer",
        };
        DocumentStamp stamp = Stamp(domain);
        int latestVersion = random.Between(1, 30);
        return new SandboxDataModel
        {
            Id = random.NextUuid(),
            UrlId = random.NextBase62(22),
            Name = name,
            Description = $"Governed {vocabulary.Subjects[subject].ToLowerInvariant()} tables and metrics for {vocabulary.Name}.",
            Path = stamp.Path,
            ParentId = stamp.ParentId,
            OwnerId = stamp.OwnerId,
            CreatedBy = stamp.OwnerId,
            UpdatedBy = stamp.UpdatedBy,
            CreatedAt = stamp.CreatedAt,
            UpdatedAt = stamp.UpdatedAt,
            Badge = stamp.Badge,
            IsArchived = stamp.IsArchived,
            Permission = stamp.Permission,
            LatestVersion = latestVersion,
            Tags = random.Chance(0.5)
                ? [new SandboxDataModelTag(versionTags[0].VersionTagId, versionTags[0].Name, Math.Max(1, latestVersion - 1), stamp.UpdatedAt)]
                : [],
            Domain = domain,
            Subject = subject,
        };
    }

    public SandboxDataset Dataset(IReadOnlyList<SandboxDataModel> models)
    {
        (int domain, int subject, _) = Theme();
        DomainVocabulary vocabulary = Vocabulary.Domains[domain];
        string name = random.Chance(0.5)
            ? $"{vocabulary.Subjects[subject]} Dataset"
            : $"{random.Pick(vocabulary.Dimensions)} Master";
        DocumentStamp stamp = Stamp(domain);
        double roll = random.NextDouble();
        bool migrated = roll < 0.4 && models.Count > 0;
        return new SandboxDataset
        {
            Id = random.NextUuid(),
            UrlId = random.NextBase62(22),
            Name = name,
            Description = $"Legacy {vocabulary.Name.ToLowerInvariant()} dataset.",
            Path = stamp.Path,
            ParentId = stamp.ParentId,
            OwnerId = stamp.OwnerId,
            CreatedBy = stamp.OwnerId,
            UpdatedBy = stamp.UpdatedBy,
            CreatedAt = stamp.CreatedAt,
            UpdatedAt = stamp.UpdatedAt,
            Badge = stamp.Badge,
            IsArchived = stamp.IsArchived,
            Permission = stamp.Permission,
            ReferenceCount = random.Between(0, 40),
            MigrationStatus = migrated ? "migrated" : roll < 0.85 ? "not-migrated" : "not-required",
            MigratedToDataModelId = migrated ? random.Pick(models).Id : null,
            MigratedAt = migrated ? stamp.UpdatedAt : null,
            Domain = domain,
            Subject = subject,
        };
    }

    public SandboxReport Report()
    {
        (int domain, int subject, _) = Theme();
        DomainVocabulary vocabulary = Vocabulary.Domains[domain];
        string name = random.Chance(0.5)
            ? $"{vocabulary.Name} Monthly Board Report"
            : $"{vocabulary.Subjects[subject]} Executive Briefing";
        DocumentStamp stamp = Stamp(domain);
        return new SandboxReport
        {
            Id = random.NextUuid(),
            UrlId = random.NextBase62(22),
            Name = name,
            Description = $"Paginated {vocabulary.Subjects[subject].ToLowerInvariant()} report for leadership.",
            Path = stamp.Path,
            ParentId = stamp.ParentId,
            OwnerId = stamp.OwnerId,
            CreatedBy = stamp.OwnerId,
            UpdatedBy = stamp.UpdatedBy,
            CreatedAt = stamp.CreatedAt,
            UpdatedAt = stamp.UpdatedAt,
            Badge = stamp.Badge,
            IsArchived = stamp.IsArchived,
            Permission = stamp.Permission,
            LatestVersion = random.Between(1, 12),
            Domain = domain,
            Subject = subject,
        };
    }

    private (int Domain, int Subject, int Kind) Theme()
    {
        int domain = random.Next(Vocabulary.Domains.Length);
        return (domain, random.Next(Vocabulary.Domains[domain].Subjects.Length), random.Next(Vocabulary.Kinds.Length));
    }

    private string Qualify(string name) => $"{name} - {random.Pick(Vocabulary.Qualifiers)}";

    private DocumentStamp Stamp(int domain) => DocumentStamp.Draw(random, folders, owners, domain);

    private IReadOnlyList<SandboxWorkbookTag> WorkbookTags(int latestVersion, DocumentStamp stamp)
    {
        double roll = random.NextDouble();
        int count = roll < 0.08 ? 2 : roll < 0.3 ? 1 : 0;
        if (count == 0)
        {
            return [];
        }

        return [.. random.Sample(versionTags, count).Select(tag => new SandboxWorkbookTag(
            tag.VersionTagId,
            tag.Name,
            random.Between(1, latestVersion),
            random.NextUuid(),
            GenerationClock.Between(random, stamp.CreatedAt)))];
    }
}
