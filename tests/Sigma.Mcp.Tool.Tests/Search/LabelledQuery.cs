using System.Text.Json;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>One entry of <c>Data/search-queries.json</c>: a query as a user would type it, and what they meant.</summary>
internal sealed record LabelledQuery(
    string Kind,
    string Query,
    string Expect,
    string? ExpectElement = null,
    string? Type = null,
    string? Owner = null,
    string? Path = null,
    string? Badge = null,
    bool IncludeArchived = false)
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<LabelledQuery> LoadAll()
    {
        var file = System.IO.Path.Combine(Repository.Root, "tests", "Sigma.Mcp.Tool.Tests", "Search", "Data", "search-queries.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.GetProperty("queries").Deserialize<List<LabelledQuery>>(s_json)!;
    }

    public SearchQuery ToSearchQuery(int limit) => new(Query, Type ?? SearchIndex.AllTypes, limit)
    {
        Owner = Owner,
        Path = Path,
        Badge = Badge,
        IncludeArchived = IncludeArchived,
    };

    /// <summary>True when <paramref name="hit"/> is what the user meant: the document by name or id, and the element when one is expected.</summary>
    public bool IsMatch(SearchHit hit) =>
        IsDocument(hit.Document.Name, hit.Document.Id)
        && (ExpectElement is null || string.Equals(hit.Element?.Name, ExpectElement, StringComparison.OrdinalIgnoreCase));

    public bool IsDocument(string name, string id) =>
        string.Equals(name, Expect, StringComparison.OrdinalIgnoreCase) || string.Equals(id, Expect, StringComparison.Ordinal);

    public override string ToString() =>
        $"[{Kind}] \"{Query}\"" + (Type is null ? "" : $" type={Type}") + (Owner is null ? "" : $" owner={Owner}") +
        (Path is null ? "" : $" path={Path}") + (Badge is null ? "" : $" badge={Badge}") + (IncludeArchived ? " +archived" : "") +
        $" → {Expect}" + (ExpectElement is null ? "" : $" / {ExpectElement}");
}
