using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>How names, identifiers and queries become tokens: the index and the query share it.</summary>
public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("netRevenue", "net revenue")]
    [InlineData("NetRevenueUSD", "net revenue usd")]
    [InlineData("HTMLReport", "html report")]
    [InlineData("FY25Budget", "fy25 budget")]
    [InlineData("user_pseudo_id", "user pseudo id")]
    [InlineData("credits_used_cloud_services", "credits used cloud services")]
    [InlineData("NA_Sales", "na sales")]
    [InlineData("StageName", "stage name")]
    [InlineData("YoY Growth", "yoy growth")]
    [InlineData("Revenue MoM", "revenue mom")]
    [InlineData("PnL", "pnl")]
    [InlineData("Café Revenue – Q1", "cafe revenue q1")]
    public void Normalize_Identifiers_SplitIntoWords(string text, string expected) =>
        TextNormalizer.Normalize(text).Should().Be(expected);
}
