using Sigma.Mcp.Tool.Http;

namespace Sigma.Mcp.Tool.Tests.Http;

public sealed class BearerTokensTests
{
    private readonly BearerTokens _tokens = new(["first-token-0123456789", "second-token-0123456789"]);

    [Theory]
    [InlineData("first-token-0123456789", 0)]
    [InlineData("second-token-0123456789", 1)]
    [InlineData("first-token-012345678", -1)]
    [InlineData("FIRST-TOKEN-0123456789", -1)]
    [InlineData("", -1)]
    public void Find_PresentedToken_ReturnsItsPositionOrMinusOne(string presented, int expected) =>
        _tokens.Find(presented).Should().Be(expected);

    [Fact]
    public void ToString_Always_NamesNoToken() =>
        _tokens.ToString().Should().Be("2 bearer token(s)");
}
