using Sigma.Mcp.Tool.Http;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>The forms the tokens secret may take, and problems that name keys or positions, never tokens.</summary>
public sealed class HttpTokenSecretValueTests
{
    private const string A = "aaaaaaaaaaaaaaaaaaaaaaaa";
    private const string B = "bbbbbbbbbbbbbbbbbbbbbbbb";

    [Theory]
    [InlineData($$"""{"ci": "{{A}}", "alice": "{{B}}"}""", "ci,alice")]
    [InlineData($$"""{"ci": ["{{A}}", "{{B}}"]}""", "ci-1,ci-2")]
    [InlineData($$"""["{{A}}", "{{B}}"]""", "1,2")]
    [InlineData($"{A},{B}", "1,2")]
    [InlineData($"{A}; {B}", "1,2")]
    [InlineData($"{A}\n{B}\n", "1,2")]
    [InlineData($" {A} ", "1")]
    public void TryParse_NaturalForms_ReadsNamedTokens(string value, string names)
    {
        var tokens = HttpTokenSecretValue.TryParse(value, out var problem);

        problem.Should().BeEmpty();
        tokens!.Select(t => t.Name).Should().Equal(names.Split(','));
        tokens!.Select(t => t.Token).Should().BeSubsetOf([A, B]);
    }

    [Theory]
    [InlineData("", "it holds no token")]
    [InlineData("{}", "it holds no token")]
    [InlineData("{\"ci\": \"short-secret\"}", "token 'ci' is too short")]
    [InlineData("short-secret," + A, "token '1' is too short")]
    [InlineData("{\"ci\": 42}", "the value of key 'ci' is not a string")]
    [InlineData("[\"" + A + "\", 42]", "item 2 of the JSON array is not a string")]
    [InlineData("{\"ci\": \"short-secret\"", "not valid JSON")]
    public void TryParse_Malformed_SaysWhyWithoutTheValue(string value, string expected)
    {
        HttpTokenSecretValue.TryParse(value, out var problem).Should().BeNull();

        problem.Should().Contain(expected).And.NotContain("short-secret").And.NotContain(A);
    }
}
