using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>The BI lexicon as queries see it: one-word synonyms, and phrase rewrites both ways.</summary>
public sealed class QueryLexiconTests
{
    [Theory]
    [InlineData("staff", "employees")]
    [InlineData("headcount", "workforce")]
    [InlineData("churn", "attrition")]
    [InlineData("revenue", "bookings")]
    [InlineData("ltv", "clv")]
    [InlineData("mqls", "mql")]
    public void Synonyms_BiWord_IncludesEquivalent(string word, string equivalent) =>
        QueryLexicon.Synonyms(word).Should().Contain(equivalent);

    [Fact]
    public void Synonyms_OneWayEntry_OnlyFromQuestionWord()
    {
        QueryLexicon.Synonyms("happy").Should().Contain("engagement");
        QueryLexicon.Synonyms("engagement").Should().NotContain("happy");
    }

    [Fact]
    public void Synonyms_UnknownWord_Empty() => QueryLexicon.Synonyms("jaffle").Should().BeEmpty();

    [Theory]
    [InlineData("dau", "daily active users")]
    [InlineData("ctr by device", "click through rate by device")]
    [InlineData("yoy sales", "year over year sales")]
    [InlineData("p&l", "profit and loss")]
    [InlineData("cogs", "cost of goods sold")]
    [InlineData("year over year revenue", "yoy revenue")]
    [InlineData("click through rate", "ctr")]
    public void Variants_AbbreviationOrPhrase_RewritesIt(string query, string rewritten) =>
        QueryLexicon.Variants(TextNormalizer.Tokenize(query)).Select(v => string.Join(' ', v.Tokens)).Should().Contain(rewritten);

    [Fact]
    public void Variants_Source_PointsAtReplacedToken()
    {
        var variant = QueryLexicon.Variants(TextNormalizer.Tokenize("weekly dau")).Single(v => v.Tokens.Contains("users"));

        variant.Tokens.Should().Equal("weekly", "daily", "active", "users");
        variant.Source.Should().Equal(0, 1, 1, 1);
    }

    [Fact]
    public void Variants_NoLexiconWord_None() => QueryLexicon.Variants(TextNormalizer.Tokenize("jaffle shop")).Should().BeEmpty();

    [Fact]
    public void Groups_EveryPhrase_HasWords() =>
        BiLexicon.Groups.SelectMany(g => g.Replace("=>", "|", StringComparison.Ordinal).Split('|'))
            .Should().OnlyContain(p => TextNormalizer.Tokenize(p).Count > 0);
}
