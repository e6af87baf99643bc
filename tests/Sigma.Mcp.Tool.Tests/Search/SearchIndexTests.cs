using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;
using Sigma.Sandbox;
using static Sigma.Mcp.Tool.Tests.Search.TestDocuments;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>Each ranking behaviour of <see cref="SearchIndex"/> on a few hand-made documents.</summary>
public sealed class SearchIndexTests
{
    [Fact]
    public void Find_IdOrUrlId_ReturnsDocument()
    {
        var index = SearchIndex.Build([Workbook("wb-1", "Revenue"), Workbook("wb-2", "Churn")], generation: 7);

        index.Find("wb-2")!.Name.Should().Be("Churn");
        index.Find("url-wb-1")!.Name.Should().Be("Revenue");
        index.Find("nope").Should().BeNull();
        index.Generation.Should().Be(7);
        index.DocumentCount.Should().Be(2);
    }

    [Fact]
    public void Search_NameAndColumnMatch_NameRanksFirst()
    {
        var index = SearchIndex.Build(
        [
            Workbook("by-column", "Operations Overview", Element("e1", "Orders", "Region", "Revenue")),
            Workbook("by-name", "Revenue Trends"),
        ]);

        Ids(index.Search(new SearchQuery("revenue"))).Should().Equal("by-name", "by-column");
    }

    [Fact]
    public void Search_WordsInDifferentFields_AllWordsRankAboveSomeWords()
    {
        var index = SearchIndex.Build(
        [
            Workbook("name-only", "Churn Dashboard"),
            Workbook("across-fields", "Retention Review") with { Description = "Monthly churn by cohort", OwnerName = "Ada Lovelace" },
        ]);

        var hits = index.Search(new SearchQuery("churn lovelace"));

        Ids(hits).Should().Equal("across-fields", "name-only");
    }

    [Theory]
    [InlineData("reven")]
    [InlineData("revenue dash")]
    [InlineData("reve")]
    public void Search_PrefixAsYouType_FindsName(string text)
    {
        var index = SearchIndex.Build([Workbook("wb-1", "Revenue Dashboard"), Workbook("wb-2", "Churn Analysis")]);

        index.Search(new SearchQuery(text))[0].Document.Id.Should().Be("wb-1");
    }

    [Fact]
    public void Search_PrefixOfEarlierWord_NeedsFourLetters()
    {
        var index = SearchIndex.Build([Workbook("wb-1", "Revenue Dashboard")]);

        index.Search(new SearchQuery("reven dash")).Should().ContainSingle();
        index.Search(new SearchQuery("rev zzz")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("revnue", "wb-revenue")]        // one letter missing
    [InlineData("chrun", "wb-churn")]           // two letters swapped: one edit
    [InlineData("compnsaton", "wb-comp")]       // two edits, allowed from nine letters
    public void Search_Typo_FindsDocument(string text, string expected)
    {
        var index = SearchIndex.Build([Workbook("wb-revenue", "Revenue"), Workbook("wb-churn", "Churn"), Workbook("wb-comp", "Compensation")]);

        index.Search(new SearchQuery(text))[0].Document.Id.Should().Be(expected);
    }

    [Theory]
    [InlineData("sles")]       // under five letters: no typo tolerance
    [InlineData("revnuee")]    // two edits in a seven-letter word: too far
    public void Search_TypoTooFar_FindsNothing(string text)
    {
        var index = SearchIndex.Build([Workbook("wb-1", "Sales"), Workbook("wb-2", "Revenue")]);

        index.Search(new SearchQuery(text)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("résumé pipeline", "Resume Pipeline")]
    [InlineData("net revenue", "netRevenue Tracker")]
    [InlineData("order lines", "order_lines_daily")]
    [InlineData("ORDER-LINES", "Order Lines (v2)")]
    [InlineData("HTML report", "HTMLReport")]
    public void Search_CaseDiacriticsPunctuationCamelSnake_Normalised(string text, string name)
    {
        var index = SearchIndex.Build([Workbook("wb-1", name), Workbook("wb-2", "Unrelated")]);

        index.Search(new SearchQuery(text)).Should().ContainSingle().Which.Document.Id.Should().Be("wb-1");
    }

    [Fact]
    public void Search_ExactName_RanksAboveLongerNames()
    {
        var index = SearchIndex.Build(
        [
            Workbook("longer", "Revenue by Region Weekly"),
            Workbook("exact", "Revenue by Region") with { UpdatedAt = Updated.AddDays(-100) },
            Workbook("other", "Regional Revenue Forecast"),
        ]);

        index.Search(new SearchQuery("Revenue by Region"))[0].Document.Id.Should().Be("exact");
    }

    [Fact]
    public void Search_Badges_EndorsedUpWarningSlightlyDownDeprecatedDown()
    {
        var index = SearchIndex.Build(
        [
            Workbook("deprecated", "Pipeline Review") with { Badge = "Deprecated" },
            Workbook("warning", "Pipeline Review") with { Badge = "Warning" },
            Workbook("none", "Pipeline Review"),
            Workbook("endorsed", "Pipeline Review") with { Badge = "Endorsed" },
        ]);

        Ids(index.Search(new SearchQuery("pipeline review"))).Should().Equal("endorsed", "none", "warning", "deprecated");
    }

    [Fact]
    public void Search_Archived_ExcludedUnlessAsked()
    {
        var index = SearchIndex.Build([Workbook("live", "Budget Plan"), Workbook("archived", "Budget Plan") with { IsArchived = true }]);

        Ids(index.Search(new SearchQuery("budget"))).Should().Equal("live");
        Ids(index.Search(new SearchQuery("budget") { IncludeArchived = true })).Should().BeEquivalentTo(["live", "archived"]);
    }

    [Fact]
    public void Search_Filters_OwnerPathBadgeUpdatedSinceAndType()
    {
        var index = SearchIndex.Build(
        [
            Workbook("wb-ada", "Sales Board") with { OwnerName = "Ada Lovelace", OwnerId = "m-ada", Path = "Finance/Executive" },
            Workbook("wb-grace", "Sales Board") with { OwnerName = "Grace Hopper", OwnerId = "m-grace", Path = "Sales/Weekly", Badge = "Endorsed" },
            Workbook("wb-old", "Sales Board") with { UpdatedAt = Updated.AddYears(-2), Path = "Finance/Archive" },
            Document("dm-1", DocumentTypes.DataModel, "Sales Model"),
        ]);

        Ids(index.Search(new SearchQuery("sales") { Owner = "lovelace" })).Should().Equal("wb-ada");
        Ids(index.Search(new SearchQuery("sales") { Owner = "M-GRACE" })).Should().Equal("wb-grace");
        Ids(index.Search(new SearchQuery("sales") { Path = "finance/" })).Should().BeEquivalentTo(["wb-ada", "wb-old"]);
        Ids(index.Search(new SearchQuery("sales") { Path = "weekly" })).Should().Equal("wb-grace");
        Ids(index.Search(new SearchQuery("sales") { Badge = "endorsed" })).Should().Equal("wb-grace");
        Ids(index.Search(new SearchQuery("sales") { UpdatedSince = Updated.AddDays(-1) })).Should().NotContain("wb-old").And.HaveCount(3);
        Ids(index.Search(new SearchQuery("sales", "data-model"))).Should().Equal("dm-1");
        Ids(index.Search(new SearchQuery("sales", "Workbook"))).Should().HaveCount(3);
    }

    [Fact]
    public void Search_ElementType_OneHitPerMatchingElementWithItsWorkbook()
    {
        var index = SearchIndex.Build(
        [
            Workbook("wb-1", "Revenue Dashboard", Element("el-a", "Revenue by Region", "Region", "Net Revenue") with { PageId = "pg-overview" }, Element("el-b", "Order Lines", "Order Id")),
            Workbook("wb-2", "Regional Sales", Element("el-c", "Revenue by Segment", "Segment")),
            Document("ds-1", DocumentTypes.Dataset, "Revenue by Region Dataset"),
        ]);

        var hits = index.Search(new SearchQuery("revenue by region", "element"));

        hits.Select(h => h.Element!.ElementId).Should().Equal("el-a", "el-c");
        hits[0].Document.Id.Should().Be("wb-1");
        hits[0].Element!.PageId.Should().Be("pg-overview");
        hits[0].MatchedField.Should().Be("element");
        hits[0].MatchedText.Should().Be("Revenue by Region");
    }

    [Fact]
    public void Search_ElementType_DocumentNameDisambiguates()
    {
        var index = SearchIndex.Build(
        [
            Workbook("wb-sales", "Sales Data", Element("el-sales", "Order Lines", "Order Id")),
            Workbook("wb-revenue", "Revenue Dashboard", Element("el-revenue", "Order Lines", "Order Id")) with { UpdatedAt = Updated.AddDays(-1) },
        ]);

        index.Search(new SearchQuery("order lines revenue dashboard", "element"))[0].Element!.ElementId.Should().Be("el-revenue");
    }

    [Fact]
    public void Search_DocumentMatchedThroughColumn_ReportsElementAndColumn()
    {
        var index = SearchIndex.Build(
        [
            Workbook("wb-1", "Operations", Element("el-1", "Shipments", "Carrier"), Element("el-2", "Deliveries", "Ship Date", "Carrier Delay Minutes")),
        ]);

        var hit = index.Search(new SearchQuery("delay minutes")).Should().ContainSingle().Subject;

        hit.MatchedField.Should().Be("column");
        hit.Element!.ElementId.Should().Be("el-2");
        hit.MatchedText.Should().Be("Carrier Delay Minutes");
    }

    [Theory]
    [InlineData("operations", "name", "Operations Hub")]
    [InlineData("quarterly", "description", "Quarterly numbers")]
    [InlineData("certified", "tag", "Certified")]
    [InlineData("hopper", "owner", "Grace Hopper")]
    [InlineData("shipments", "element", "Shipments")]
    public void Search_MatchedField_NamesWhereTheMatchCameFrom(string text, string field, string matchedText)
    {
        var index = SearchIndex.Build(
        [
            Workbook("wb-1", "Operations Hub", Element("el-1", "Shipments", "Carrier")) with
            {
                Description = "Quarterly numbers", Tags = ["Production", "Certified"], OwnerName = "Grace Hopper",
            },
        ]);

        var hit = index.Search(new SearchQuery(text)).Should().ContainSingle().Subject;

        hit.MatchedField.Should().Be(field);
        hit.MatchedText.Should().Be(matchedText);
        (hit.Element is not null).Should().Be(field == "element");
    }

    [Fact]
    public void Search_EqualScores_NewerFirstThenId()
    {
        var index = SearchIndex.Build(
        [
            Workbook("b", "Forecast"), Workbook("a", "Forecast"), Workbook("c", "Forecast") with { UpdatedAt = Updated.AddDays(1) },
        ]);

        Ids(index.Search(new SearchQuery("forecast"))).Should().Equal("c", "a", "b");
    }

    [Fact]
    public void Search_Limit_ReturnsAtMostThatMany()
    {
        var index = SearchIndex.Build([.. Enumerable.Range(0, 30).Select(i => Workbook($"wb-{i:00}", $"Report {i}"))]);

        index.Search(new SearchQuery("report", Limit: 5)).Should().HaveCount(5);
    }

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

    private static List<string> Ids(IEnumerable<SearchHit> hits) => [.. hits.Select(h => h.Document.Id)];
}
