using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;
using static Sigma.Mcp.Tool.Tests.Search.TestDocuments;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>Query understanding end to end on small indexes: lexicon, word forms, owner and folder phrases, partial answers.</summary>
public sealed partial class SearchIndexTests
{
    [Fact]
    public void Search_Abbreviation_FindsSpelledOutName()
    {
        var index = SearchIndex.Build(
        [
            Workbook("usage", "Product Usage", Element("e1", "Daily Active Users", "Date", "Active Users")),
            Workbook("other", "Marketing Overview", Element("e2", "Sessions by Channel", "Channel", "Sessions")),
        ]);

        Ids(index.Search(new SearchQuery("DAU"))).Should().Equal("usage");
        Ids(index.Search(new SearchQuery("CTR"))).Should().BeEmpty();
    }

    [Fact]
    public void Search_SpelledOut_FindsAbbreviatedName()
    {
        var index = SearchIndex.Build([Workbook("yoy", "Revenue YoY"), Workbook("other", "Revenue Overview")]);

        Ids(index.Search(new SearchQuery("revenue year over year"))).First().Should().Be("yoy");
    }

    [Fact]
    public void Search_Synonym_RanksBelowLiteral()
    {
        var index = SearchIndex.Build([Workbook("synonym", "Employees by Department"), Workbook("literal", "Staff by Department")]);

        Ids(index.Search(new SearchQuery("staff by department"))).Should().Equal("literal", "synonym");
    }

    [Fact]
    public void Search_Plural_FindsSingular()
    {
        var index = SearchIndex.Build([Workbook("role", "Open Role Tracker"), Workbook("other", "Sales Overview")]);

        Ids(index.Search(new SearchQuery("open roles tracker"))).First().Should().Be("role");
    }

    [Fact]
    public void Search_OwnerPhrase_BoostsOwnersDocument()
    {
        var ada = Owned(Workbook("ada", "Pipeline Review"), "Ada Lovelace");
        var grace = Owned(Workbook("grace", "Recruiting Pipeline"), "Grace Kim") with { Badge = "Endorsed" };
        var index = SearchIndex.Build([ada, grace]);

        Ids(index.Search(new SearchQuery("pipeline"))).First().Should().Be("grace");
        Ids(index.Search(new SearchQuery("Ada's pipeline"))).First().Should().Be("ada");
        Ids(index.Search(new SearchQuery("pipeline owned by Ada"))).First().Should().Be("ada");
        Ids(index.Search(new SearchQuery("the dashboard Ada owns about pipeline"))).First().Should().Be("ada");
    }

    [Fact]
    public void Search_FolderPhrase_BoostsDocumentsInFolder()
    {
        var finance = Workbook("finance", "Cash Position") with { Path = "Finance/Treasury" };
        var sales = Workbook("sales", "Cash Collections") with { Path = "Sales/Operations", Badge = "Endorsed" };
        var index = SearchIndex.Build([finance, sales]);

        Ids(index.Search(new SearchQuery("cash"))).First().Should().Be("sales");
        Ids(index.Search(new SearchQuery("cash in Finance"))).First().Should().Be("finance");
    }

    [Fact]
    public void Search_SomeWordsMatchNothing_ReturnsPartialMatchesAndSaysWhich()
    {
        var index = SearchIndex.Build([Workbook("churn", "Churn Analysis"), Workbook("other", "Revenue")]);

        var hits = index.Search(new SearchQuery("churn zyxwv"), out var unmatched);

        Ids(hits).Should().Equal("churn");
        unmatched.Should().Equal("zyxwv");
    }

    [Fact]
    public void Search_EveryWordMatched_NoUnmatchedWords()
    {
        var index = SearchIndex.Build([Workbook("churn", "Churn Analysis")]);

        index.Search(new SearchQuery("churn analysis"), out var unmatched);

        unmatched.Should().BeEmpty();
    }

    [Fact]
    public void Search_AbbreviationMatchedThroughRewrite_NotReportedUnmatched()
    {
        var index = SearchIndex.Build([Workbook("usage", "Daily Active Users")]);

        index.Search(new SearchQuery("dau"), out var unmatched);

        unmatched.Should().BeEmpty();
    }

    [Fact]
    public void Search_QuestionWords_Ignored()
    {
        var index = SearchIndex.Build([Workbook("bot", "Chatbot Performance"), Workbook("other", "How We Work")]);

        Ids(index.Search(new SearchQuery("how is our chatbot doing"))).First().Should().Be("bot");
    }

    private static CachedDocument Owned(CachedDocument document, string owner) =>
        document with { OwnerName = owner, OwnerId = "member-" + owner.Split(' ')[0].ToLowerInvariant() };
}
