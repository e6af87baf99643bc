using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Benchmarks;

/// <summary>The query mix of the search benchmarks: what users type, by kind, five of each.</summary>
internal static class SearchWorkload
{
    public static readonly DateTimeOffset RecentCutoff = DateTimeOffset.UtcNow.AddDays(-90);

    public static IReadOnlyDictionary<string, SearchQuery[]> ByKind { get; } = new Dictionary<string, SearchQuery[]>
    {
        ["exact-name"] = Texts("Revenue Dashboard", "Customer Churn Analysis", "Sales Data Model", "Legacy Sales Report (old)", "People Attrition Explorer"),
        ["prefix"] = Texts("reven", "churn ana", "sales data mo", "attr", "pipeline rel"),
        ["multi-word"] = Texts("customer churn by segment", "paid media spend marketing", "revenue by region", "warehouse cost explorer", "gross margin forecast finance"),
        ["typo"] = Texts("revnue", "chrun", "atrition", "pipline reliabilty", "warehuose utilization"),
        ["element"] = [.. Texts("order lines", "revenue by region", "churn rate by csm", "headcount by hire date", "failed runs").Select(q => q with { DocumentType = "element" })],
        ["column"] = Texts("net revenue", "expansion arr", "days sales outstanding", "click-through rate", "median runtime seconds"),
        ["filtered"] =
        [
            new SearchQuery("revenue") { Owner = "ada" },
            new SearchQuery("churn") { Path = "Customer Success" },
            new SearchQuery("report") { Badge = "Endorsed" },
            new SearchQuery("sales", "data-model"),
            new SearchQuery("forecast") { UpdatedSince = RecentCutoff },
        ],
        ["short-prefix"] = Texts("re", "sa", "ch", "pe", "wa"),
    };

    /// <summary>All queries, interleaved by kind.</summary>
    public static SearchQuery[] Mix { get; } =
        [.. Enumerable.Range(0, 5).SelectMany(i => ByKind.Values.Select(queries => queries[i]))];

    private static SearchQuery[] Texts(params string[] texts) => [.. texts.Select(t => new SearchQuery(t))];
}
