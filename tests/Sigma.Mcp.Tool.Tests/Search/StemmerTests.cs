using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>Forms of one word meet on one stem; different words do not.</summary>
public sealed class StemmerTests
{
    [Theory]
    [InlineData("roles", "role")]
    [InlineData("companies", "company")]
    [InlineData("sales", "sale")]
    [InlineData("selling", "sell")]
    [InlineData("churned", "churn")]
    [InlineData("shipped", "ship")]
    [InlineData("bestsellers", "bestseller")]
    [InlineData("pricing", "price")]
    [InlineData("deployments", "deployment")]
    public void Stem_TwoForms_Meet(string form, string other) =>
        Stemmer.Stem(form).Should().Be(Stemmer.Stem(other));

    [Theory]
    [InlineData("status", "status")]
    [InlineData("analysis", "analysis")]
    [InlineData("revenue", "revenu")]
    [InlineData("arr", "arr")]
    [InlineData("ads", "ads")]
    public void Stem_KeepsWordsWhole(string word, string stem) =>
        Stemmer.Stem(word).Should().Be(stem);

    [Theory]
    [InlineData("sales", "salary")]
    [InlineData("cost", "costume")]
    [InlineData("user", "usage")]
    public void Stem_DifferentWords_StayApart(string one, string other) =>
        Stemmer.Stem(one).Should().NotBe(Stemmer.Stem(other));
}
