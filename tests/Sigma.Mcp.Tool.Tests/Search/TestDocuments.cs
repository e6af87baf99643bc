using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>Small hand-made documents for the search unit tests; fields not given are empty.</summary>
internal static class TestDocuments
{
    public static readonly DateTimeOffset Updated = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static CachedDocument Workbook(string id, string name, params CachedElement[] elements) => new()
    {
        Id = id,
        Type = DocumentTypes.Workbook,
        Name = name,
        UrlId = "url-" + id,
        CreatedAt = Updated.AddDays(-30),
        UpdatedAt = Updated,
        Pages = [.. elements.Select(e => e.PageId).Distinct().Select(p => new CachedPage(p ?? "page-1", "Page"))],
        Elements = elements,
    };

    public static CachedDocument Document(string id, string type, string name) => Workbook(id, name) with { Type = type };

    public static CachedElement Element(string id, string name, params string[] columns) => new(id, name, "table", "page-1", columns);
}
