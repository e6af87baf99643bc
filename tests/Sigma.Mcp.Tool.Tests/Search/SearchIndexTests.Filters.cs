using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;
using static Sigma.Mcp.Tool.Tests.Search.TestDocuments;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>Filters, element search and what a hit says about where it matched.</summary>
public sealed partial class SearchIndexTests
{
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
    public void Search_Limit_ReturnsAtMostThatMany()
    {
        var index = SearchIndex.Build([.. Enumerable.Range(0, 30).Select(i => Workbook($"wb-{i:00}", $"Report {i}"))]);

        index.Search(new SearchQuery("report", Limit: 5)).Should().HaveCount(5);
    }

    [Fact]
    public void Search_ElementType_DataModelElementsRankHigher_StillReturnsLimitWorkbookElements()
    {
        var model = Document("dm-1", DocumentTypes.DataModel, "Orders Orders") with
        {
            Elements = [.. Enumerable.Range(0, 20).Select(i => new CachedElement($"dm-el-{i}", "Orders Orders Orders", "table", null, ["Orders"]))],
        };
        var workbooks = Enumerable.Range(0, 6).Select(i => Workbook($"wb-{i}", $"Workbook {i}", Element($"el-{i}", $"Orders {i}", "Amount")));
        var index = SearchIndex.Build([model, .. workbooks]);

        var hits = index.Search(new SearchQuery("orders", "element", Limit: 5));

        hits.Should().HaveCount(5).And.OnlyContain(h => h.Document.Type == DocumentTypes.Workbook && h.Element != null);
    }
}
