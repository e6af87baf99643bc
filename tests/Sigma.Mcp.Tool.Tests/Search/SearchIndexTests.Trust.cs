using Sigma.Mcp.Tool.Search;
using static Sigma.Mcp.Tool.Tests.Search.TestDocuments;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>Trust and freshness: of documents that match equally, the endorsed, current, original one first.</summary>
public sealed partial class SearchIndexTests
{
    [Theory]
    [InlineData("Sales Dashboard - Copy")]
    [InlineData("Copy of Sales Dashboard")]
    [InlineData("Sales Dashboard (old)")]
    [InlineData("[Deprecated] Sales Dashboard")]
    [InlineData("Sales Dashboard Scratch")]
    public void Search_StaleOrScratchName_RanksBelowOriginal(string staleName)
    {
        // The copy is the more recently updated one, which alone would put it first.
        var original = Workbook("original", "Sales Dashboard") with { UpdatedAt = Updated.AddDays(-60) };
        var stale = Workbook("stale", staleName);
        var index = SearchIndex.Build([stale, original]);

        Ids(index.Search(new SearchQuery("sales dashboard"))).Should().Equal("original", "stale");
    }

    [Fact]
    public void Search_PersonalDocument_RanksBelowSharedOne()
    {
        var shared = Workbook("shared", "Churn Review") with { Path = "Customer Success", UpdatedAt = Updated.AddDays(-200) };
        var personal = Workbook("personal", "Churn Review") with { Path = "My Documents" };
        var index = SearchIndex.Build([personal, shared]);

        Ids(index.Search(new SearchQuery("churn review"))).Should().Equal("shared", "personal");
    }

    [Fact]
    public void Search_Badges_EndorsedFirstDeprecatedLast()
    {
        var index = SearchIndex.Build(
        [
            Workbook("deprecated", "Churn Review") with { Badge = "Deprecated" },
            Workbook("plain", "Churn Review"),
            Workbook("endorsed", "Churn Review") with { Badge = "Endorsed", UpdatedAt = Updated.AddDays(-200) },
        ]);

        Ids(index.Search(new SearchQuery("churn review"))).Should().Equal("endorsed", "plain", "deprecated");
    }

    [Fact]
    public void Search_Archived_RanksBelowCurrentWhenIncluded()
    {
        var index = SearchIndex.Build(
        [
            Workbook("archived", "Churn Review") with { IsArchived = true },
            Workbook("current", "Churn Review") with { UpdatedAt = Updated.AddDays(-200) },
        ]);

        Ids(index.Search(new SearchQuery("churn review") { IncludeArchived = true })).Should().Equal("current", "archived");
    }

    [Fact]
    public void Search_RecentlyUpdated_SlightlyUp()
    {
        var index = SearchIndex.Build(
        [
            Workbook("old", "Churn Review") with { UpdatedAt = Updated.AddDays(-400) },
            Workbook("recent", "Churn Review Board") with { UpdatedAt = Updated },
        ]);

        // One extra name word (-0.5) is outweighed by a fresh update (+1); a better match still wins.
        Ids(index.Search(new SearchQuery("churn review"))).First().Should().Be("old");
        Ids(index.Search(new SearchQuery("churn"))).First().Should().Be("recent");
    }

    [Fact]
    public void Search_ExactElementName_BeatsLongerElementName()
    {
        var index = SearchIndex.Build(
        [
            Workbook("longer", "Warehouse Cost", Element("e1", "Credits Used by Warehouse and Month", "Warehouse Name", "Credits Used")),
            Workbook("exact", "Warehouse Usage", Element("e2", "Credits Used by Warehouse", "Warehouse Name", "Credits Used")),
        ]);

        Ids(index.Search(new SearchQuery("credits used by warehouse"))).First().Should().Be("exact");
        index.Search(new SearchQuery("credits used by warehouse", SearchIndex.ElementType))[0].Element!.Name.Should().Be("Credits Used by Warehouse");
    }
}
