using Sigma.Mcp.Tool.Search;
using static Sigma.Mcp.Tool.Tests.Search.TestDocuments;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>Each ranking behaviour of <see cref="SearchIndex"/> on a few hand-made documents.</summary>
public sealed partial class SearchIndexTests
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
    public void Search_EqualScores_NewerFirstThenId()
    {
        var index = SearchIndex.Build(
        [
            Workbook("b", "Forecast"), Workbook("a", "Forecast"), Workbook("c", "Forecast") with { UpdatedAt = Updated.AddDays(1) },
        ]);

        Ids(index.Search(new SearchQuery("forecast"))).Should().Equal("c", "a", "b");
    }

    private static List<string> Ids(IEnumerable<SearchHit> hits) => [.. hits.Select(h => h.Document.Id)];
}
