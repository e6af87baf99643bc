using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Corpus;

/// <summary>
/// A <see cref="SandboxCorpus"/> as sandbox content: one member per owner (Ada Lovelace is the API user), folders
/// from the paths, workbooks with one "Overview" page holding their elements, data models, datasets. Ids derive
/// from the corpus ids, so the same file always gives the same organization. Elements read a warehouse table, so
/// they export like generated ones.
/// </summary>
internal static class CorpusContent
{
    public static string SandboxId(string corpusId) => DeterministicRandom.For(0, "corpus:" + corpusId).NextUuid();

    public static void Add(SandboxCorpus corpus, FolderTree folders, List<SandboxMember> members, List<SandboxDocument> documents)
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in members)
        {
            owners.TryAdd(member.Name, member.MemberId);
        }

        foreach (var document in corpus.Documents)
        {
            if (!owners.TryGetValue(document.Owner, out var ownerId))
            {
                var member = Member(document.Owner);
                members.Add(member);
                owners[document.Owner] = ownerId = member.MemberId;
            }

            var folder = folders.Ensure(document.Path.Length == 0 ? "Corpus" : document.Path);
            var random = DeterministicRandom.For(0, "corpus-url:" + document.Id);
            var id = SandboxId(document.Id);
            var urlId = random.NextBase62(22);
            var created = document.UpdatedAt.AddDays(-random.Between(10, 400));
            documents.Add(document.Type switch
            {
                "data-model" => new SandboxDataModel
                {
                    Id = id, UrlId = urlId, Name = document.Name, Description = document.Description, Path = folder.FullPath, ParentId = folder.Id,
                    OwnerId = ownerId, CreatedBy = ownerId, UpdatedBy = ownerId, CreatedAt = created, UpdatedAt = document.UpdatedAt,
                    Badge = document.Badge, IsArchived = document.IsArchived, LatestVersion = random.Between(1, 30),
                },
                "dataset" => new SandboxDataset
                {
                    Id = id, UrlId = urlId, Name = document.Name, Description = document.Description, Path = folder.FullPath, ParentId = folder.Id,
                    OwnerId = ownerId, CreatedBy = ownerId, UpdatedBy = ownerId, CreatedAt = created, UpdatedAt = document.UpdatedAt,
                    Badge = document.Badge, IsArchived = document.IsArchived, ReferenceCount = random.Between(0, 40), MigrationStatus = "not-migrated",
                },
                _ => new SandboxWorkbook
                {
                    Id = id, UrlId = urlId, Name = document.Name, Description = document.Description, Path = folder.FullPath, ParentId = folder.Id,
                    OwnerId = ownerId, CreatedBy = ownerId, UpdatedBy = ownerId, CreatedAt = created, UpdatedAt = document.UpdatedAt,
                    Badge = document.Badge, IsArchived = document.IsArchived, LatestVersion = random.Between(1, 60),
                },
            });
        }
    }

    /// <summary>A corpus workbook's layout: one page with its elements, no controls.</summary>
    public static WorkbookLayout Layout(SandboxCorpusDocument document, string sandboxId, LayoutContext context)
    {
        var pageId = DeterministicRandom.For(0, "corpus-page:" + sandboxId).NextBase62(10);
        var elements = Elements(document, sandboxId, pageId, context);
        return new WorkbookLayout([new SandboxPage(pageId, "Overview", Hidden: false, elements)], [], WorkbookLayout.DistinctSources(elements));
    }

    /// <summary>A corpus document's elements, each reading one warehouse table (picked by its name).</summary>
    public static IReadOnlyList<SandboxElement> Elements(SandboxCorpusDocument document, string sandboxId, string? pageId, LayoutContext context) =>
    [
        .. document.Elements.Select((element, i) =>
        {
            var random = DeterministicRandom.For(0, $"corpus-element:{sandboxId}:{i}");
            var table = context.Tables[random.Next(context.Tables.Count)];
            var source = new SandboxSource("table", table.InodeId, table.Name, ConnectionId: table.ConnectionId);
            var shape = new ElementShape(random.NextBase62(10), element.Name, element.Type == "table" ? "table" : "visualization", element.Type == "table" ? null : "bar", pageId);
            return ElementFactory.Data(shape, element.Columns, source, SqlText.FromTable(table), null, context.Options.ExportRowsPerElement);
        }),
    ];

    private static SandboxMember Member(string name)
    {
        var random = DeterministicRandom.For(0, "corpus-member:" + name);
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        var (first, last) = space < 0 ? (name, "") : (name[..space], name[(space + 1)..]);
        return new SandboxMember
        {
            MemberId = random.NextBase62(26),
            FirstName = first,
            LastName = last,
            Email = string.Concat(name.ToLowerInvariant().Where(char.IsLetter)) + "@example.com",
            MemberType = "Creator",
            HomeFolderId = random.NextUuid(),
            CreatedBy = SandboxWellKnown.AdaLovelaceMemberId,
            UpdatedBy = SandboxWellKnown.AdaLovelaceMemberId,
            CreatedAt = GenerationClock.Start,
            UpdatedAt = GenerationClock.Start,
        };
    }
}
