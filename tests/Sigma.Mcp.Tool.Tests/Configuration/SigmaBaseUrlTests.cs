using Sigma.Mcp.Tool.SigmaApi;


namespace Sigma.Mcp.Tool.Tests.Configuration;

public sealed class SigmaBaseUrlTests
{
    public static TheoryData<string> RegionalHosts => [.. SigmaBaseUrl.KnownHosts];

    [Theory]
    [MemberData(nameof(RegionalHosts))]
    public void Parse_EveryRegionalHostWithOrWithoutV2_Accepted(string host)
    {
        SigmaBaseUrl.Parse($"https://{host}").Should().Be(new Uri($"https://{host}"));
        SigmaBaseUrl.Parse($"https://{host}/v2").Should().Be(new Uri($"https://{host}"));
        SigmaBaseUrl.Parse($"https://{host}/v2/").Should().Be(new Uri($"https://{host}"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:43210", "http://127.0.0.1:43210")]
    [InlineData("http://localhost:8080/v2", "http://localhost:8080")]
    [InlineData("http://[::1]:9000/", "http://[::1]:9000")]
    public void Parse_PlainHttpOnLoopback_Accepted(string value, string expected) =>
        SigmaBaseUrl.Parse(value).Should().Be(new Uri(expected));

    [Fact]
    public void Parse_UnknownHttpsHost_AcceptedButNotKnown()
    {
        var uri = SigmaBaseUrl.Parse("https://sigma-proxy.example.com");

        SigmaBaseUrl.IsKnown(uri).Should().BeFalse();
    }
}
