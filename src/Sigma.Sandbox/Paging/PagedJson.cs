using System.Text.Json.Nodes;

namespace Sigma.Sandbox.Paging;

/// <summary>The two response envelopes Sigma uses for pages.</summary>
internal static class PagedJson
{
    /// <summary><c>{entries, nextPage, total, hasMore}</c>, the page/limit style.</summary>
    public static JsonObject PageLimit<T>(Page<T> page, Func<T, JsonNode> map) => new()
    {
        ["entries"] = Entries(page, map),
        ["nextPage"] = page.NextToken,
        ["total"] = page.Total,
        ["hasMore"] = page.NextToken is not null,
    };

    /// <summary><c>{entries, nextPageToken}</c>, the pageToken/pageSize style.</summary>
    public static JsonObject PageToken<T>(Page<T> page, Func<T, JsonNode> map) => new()
    {
        ["entries"] = Entries(page, map),
        ["nextPageToken"] = page.NextToken,
    };

    public static JsonArray Entries<T>(IEnumerable<T> items, Func<T, JsonNode> map) => new([.. items.Select(map)]);

    private static JsonArray Entries<T>(Page<T> page, Func<T, JsonNode> map) => Entries(page.Entries, map);
}
