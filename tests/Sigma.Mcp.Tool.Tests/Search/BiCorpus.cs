using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox.Corpus;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// The evaluation corpus (<c>Data/bi-corpus.json</c>): real-world BI names rather than the sandbox's vocabulary, as
/// the cache would hold them.
/// </summary>
internal static class BiCorpus
{
    public static string File { get; } = System.IO.Path.Combine(Repository.Root, "tests", "Sigma.Mcp.Tool.Tests", "Search", "Data", "bi-corpus.json");

    public static List<CachedDocument> Documents() => [.. SandboxCorpus.Load(File).Documents.Select(ToCached)];

    private static CachedDocument ToCached(SandboxCorpusDocument document) => new()
    {
        Id = document.Id,
        Type = document.Type,
        Name = document.Name,
        Description = document.Description,
        Path = document.Path,
        Badge = document.Badge,
        OwnerId = "member-" + document.Owner.ToLowerInvariant().Replace(' ', '-'),
        OwnerName = document.Owner,
        CreatedAt = document.UpdatedAt.AddDays(-90),
        UpdatedAt = document.UpdatedAt,
        IsArchived = document.IsArchived,
        Elements = [.. document.Elements.Select((e, i) => new CachedElement($"{document.Id}-e{i}", e.Name, e.Type, "page-1", e.Columns))],
    };
}
