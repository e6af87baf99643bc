using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>Owner and folder phrases in a query: what is read as a soft boost, what is dropped, what stays optional.</summary>
public sealed class QueryIntentTests
{
    private static readonly string[] s_owners = ["ada lovelace", "liam o brien", "grace kim"];
    private static readonly HashSet<string> s_pathTerms = ["finance", "fp", "a", "sales", "pipeline", "people", "recruiting"];

    [Theory]
    [InlineData("Ada's pipeline", 0)]
    [InlineData("pipeline owned by Ada", 0)]
    [InlineData("the dashboard Ada owns about pipeline", 0)]
    [InlineData("headcount by Grace", 2)]
    [InlineData("Liam support tickets", 1)]
    [InlineData("o'brien tickets", 1)]
    public void Read_OwnerPhrase_NamesOwner(string query, int owner)
    {
        var intent = QueryIntent.Read(TextNormalizer.Tokenize(query), s_owners, s_pathTerms);

        intent.Owners.Should().NotBeNull();
        intent.Owners!.Select((named, i) => (named, i)).Where(o => o.named).Select(o => o.i).Should().Equal(owner);
    }

    [Fact]
    public void Read_OwnedBy_DropsConnectingWordsKeepsName()
    {
        var tokens = TextNormalizer.Tokenize("pipeline owned by Ada");
        var intent = QueryIntent.Read(tokens, s_owners, s_pathTerms);

        tokens.Where((_, i) => intent.Dropped[i]).Should().Equal("owned", "by");
        tokens.Where((_, i) => intent.Optional[i]).Should().BeEmpty();
    }

    [Fact]
    public void Read_Possessive_DropsTheS()
    {
        var tokens = TextNormalizer.Tokenize("Ada's scratch");
        var intent = QueryIntent.Read(tokens, s_owners, s_pathTerms);

        tokens.Where((_, i) => intent.Dropped[i]).Should().Equal("s");
    }

    [Fact]
    public void Read_NoOwnerName_NoOwner()
    {
        var intent = QueryIntent.Read(TextNormalizer.Tokenize("revenue by region"), s_owners, s_pathTerms);

        intent.Owners.Should().BeNull();
        intent.Dropped.Should().OnlyContain(d => !d);
    }

    [Fact]
    public void Read_InFolder_NamesFolderAndMakesItOptional()
    {
        var tokens = TextNormalizer.Tokenize("cash in Finance");
        var intent = QueryIntent.Read(tokens, s_owners, s_pathTerms);

        intent.Folder.Should().Be("finance");
        tokens.Where((_, i) => intent.Optional[i]).Should().Equal("finance");
    }

    [Fact]
    public void Read_InWordNotAFolder_NoFolder() =>
        QueryIntent.Read(TextNormalizer.Tokenize("revenue in euros"), s_owners, s_pathTerms).Folder.Should().BeNull();

    [Fact]
    public void Read_GenericWord_Optional()
    {
        var tokens = TextNormalizer.Tokenize("churn dashboard");
        var intent = QueryIntent.Read(tokens, s_owners, s_pathTerms);

        tokens.Where((_, i) => intent.Optional[i]).Should().Equal("dashboard");
    }
}
