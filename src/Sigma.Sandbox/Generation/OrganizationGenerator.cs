using Sigma.Sandbox.Corpus;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>Builds a whole organization from <see cref="SandboxOptions"/>; the same options give the same content.</summary>
internal static class OrganizationGenerator
{
    public static GeneratedOrganization Generate(SandboxOptions options)
    {
        var random = DeterministicRandom.For(options.Seed, "organization");
        string organizationId = random.NextUuid();
        string slug = random.Pick(PeopleVocabulary.OrganizationSlugs);
        List<SandboxMember> members = MemberGenerator.Generate(random, options.Members);
        List<SandboxVersionTag> tags = [.. Vocabulary.VersionTagNames.Select(name => new SandboxVersionTag(
            DeterministicRandom.For(0, "tag:" + name).NextUuid(), name, $"Versions approved for {name.ToLowerInvariant()} use.", GenerationClock.Start))];

        var documents = new List<SandboxDocument>(options.Workbooks + options.DataModels + options.Datasets + options.Reports + 128);
        FolderTree folders = CreateFolders(random, documents);
        documents.AddRange(WellKnownContent.Create(folders, members, tags));

        if (options.Corpus is { } corpus)
        {
            // Hand-written content replaces generated content; the well-known documents stay, as tests rely on them.
            CorpusContent.Add(corpus, folders, members, documents);
            return new GeneratedOrganization(
                organizationId, slug, members, TeamGenerator.Generate(random, members), FixedCatalog.AccountTypes, tags,
                ConnectionCatalog.Build(GenerationClock.Start), documents);
        }

        var owners = members.Where(m => !m.IsArchived && m.MemberType != "Viewer").ToList();
        var reserved = new HashSet<string>(WellKnownContent.ReservedNames, StringComparer.OrdinalIgnoreCase);
        var generator = new DocumentGenerator(random, folders, owners, tags, reserved);
        var models = new List<SandboxDataModel>(options.DataModels);
        for (int i = 0; i < options.DataModels; i++)
        {
            models.Add(generator.DataModel(i));
        }

        documents.AddRange(models);
        for (int i = 0; i < options.Datasets; i++)
        {
            documents.Add(generator.Dataset(models));
        }

        for (int i = 0; i < options.Reports; i++)
        {
            documents.Add(generator.Report());
        }

        for (int i = 0; i < options.Workbooks; i++)
        {
            documents.Add(generator.Workbook());
        }

        return new GeneratedOrganization(
            organizationId, slug, members, TeamGenerator.Generate(random, members), FixedCatalog.AccountTypes, tags,
            ConnectionCatalog.Build(GenerationClock.Start), documents);
    }

    /// <summary>One workspace per domain, each with four of the common folder names.</summary>
    private static FolderTree CreateFolders(DeterministicRandom random, List<SandboxDocument> documents)
    {
        var tree = new FolderTree([], (name, parent) =>
        {
            var folder = new SandboxFolder
            {
                Id = random.NextUuid(),
                UrlId = random.NextBase62(22),
                Name = name,
                Path = parent?.FullPath ?? string.Empty,
                ParentId = parent?.Id,
                OwnerId = SandboxWellKnown.AdaLovelaceMemberId,
                CreatedBy = SandboxWellKnown.AdaLovelaceMemberId,
                UpdatedBy = SandboxWellKnown.AdaLovelaceMemberId,
                CreatedAt = GenerationClock.Start,
                UpdatedAt = GenerationClock.Start,
                IsWorkspace = parent is null,
            };
            documents.Add(folder);
            return folder;
        });
        foreach (DomainVocabulary domain in Vocabulary.Domains)
        {
            foreach (string folder in random.Sample(Vocabulary.FolderNames, 4))
            {
                tree.Ensure($"{domain.Name}/{folder}");
            }
        }

        return tree;
    }
}
