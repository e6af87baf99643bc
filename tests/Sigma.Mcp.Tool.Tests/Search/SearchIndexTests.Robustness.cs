using Sigma.Mcp.Tool.Search;
using Sigma.Sandbox;
using static Sigma.Mcp.Tool.Tests.Search.TestDocuments;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>Arguments, empty indexes, concurrent searches, and pruning that never changes the top hits.</summary>
public sealed partial class SearchIndexTests
{
    [Fact]
    public void Search_EmptyIndex_NoHits() =>
        SearchIndex.Build([]).Search(new SearchQuery("anything")).Should().BeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!-")]
    public void Search_NothingToSearchFor_ArgumentExceptionSaysSo(string text)
    {
        var index = SearchIndex.Build([Workbook("wb-1", "Revenue")]);

        index.Invoking(i => i.Search(new SearchQuery(text))).Should().Throw<ArgumentException>()
            .WithMessage(text.Trim().Length == 0 ? "*empty*" : "*no letters or digits*");
    }

    [Fact]
    public void Search_InvalidArguments_ExplainTheFix()
    {
        var index = SearchIndex.Build([Workbook("wb-1", "Revenue")]);

        index.Invoking(i => i.Search(new SearchQuery("revenue", "dashboard"))).Should().Throw<ArgumentException>()
            .WithMessage("*'dashboard'*workbook, data-model, dataset, report, element*all*");
        index.Invoking(i => i.Search(new SearchQuery("revenue") { Badge = "Gold" })).Should().Throw<ArgumentException>()
            .WithMessage("*Endorsed, Warning or Deprecated*");
        index.Invoking(i => i.Search(new SearchQuery("revenue", Limit: 0))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Search_ManyThreadsAtOnce_SameResultsAsOneThread()
    {
        var documents = Enumerable.Range(0, 2_000).Select(i => Workbook(
            $"wb-{i:0000}", $"{Pick(i, "Revenue", "Churn", "Pipeline", "Budget")} {Pick(i / 4, "Dashboard", "Review", "Forecast")} {i}",
            Element($"el-{i}", $"{Pick(i / 3, "Orders", "Customers", "Regions")} by {Pick(i / 5, "Month", "Segment")}", "Region", "Net Revenue", "Order Date"))).ToList();
        var index = SearchIndex.Build(documents);
        SearchQuery[] queries =
        [
            new("revenue dashboard"), new("churn rev"), new("pipline"), new("orders by month", "element"), new("net revenue"), new("budget") { Path = "x" },
        ];
        var expected = queries.Select(q => Ids(index.Search(q))).ToList();

        var tasks = Enumerable.Range(0, 16).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                var q = (t + i) % queries.Length;
                Ids(index.Search(queries[q])).Should().Equal(expected[q]);
            }
        }));
        await Task.WhenAll(tasks);
    }

    [Fact]
    public async Task Search_PrunedTopTen_SameAsTopTenOfThousand()
    {
        // With a limit of 1,000 the max-score pruning hardly ever applies; with 10 it applies to most of these queries.
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 3_000 });
        var index = SearchIndex.Build(SandboxDocuments.From(sandbox.Data));
        string[] texts =
        [
            "revenue", "revenue dashboard", "reven", "re", "ch", "pe", "sales data mo", "customer churn by segment", "headcount by hire date",
            "net revenue", "days sales outstanding", "revnue", "pipline reliabilty", "order lines", "churn rate by csm", "date",
            "customer name", "gross margin forecast finance", "Legacy Sales Report (old)", "failed runs", "warehuose utilization",
        ];
        var queries = texts.SelectMany(t => new[] { new SearchQuery(t), new SearchQuery(t, "element") })
            .Concat(
            [
                new SearchQuery("revenue") { Owner = "ada" }, new SearchQuery("churn") { Path = "Customer Success" },
                new SearchQuery("report") { Badge = "Endorsed" }, new SearchQuery("sales", "data-model"), new SearchQuery("date", "workbook"),
                new SearchQuery("region") { IncludeArchived = true }, new SearchQuery("order lines", "element") { Owner = "lovelace" },
            ]);

        foreach (var query in queries)
        {
            var top = index.Search(query with { Limit = 10 });
            var wide = index.Search(query with { Limit = 1_000 }).Take(10).ToList();
            top.Select(Key).Should().Equal(wide.Select(Key), query.ToString());
        }

        static string Key(SearchHit hit) => $"{hit.Document.Id}/{hit.Element?.ElementId}/{hit.Score:0.000}";
    }

    private static string Pick(int i, params string[] values) => values[i % values.Length];
}
