using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Http;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

public sealed class OAuthSettingsTests
{
    [Fact]
    public void Parse_AuthorityAndPublicUrl_DefaultsAudienceEmailClaimAndTtl()
    {
        var settings = Parse(new()
        {
            ["SIGMA_MCP_URLS"] = "http://0.0.0.0:8080",
            ["SIGMA_MCP_OAUTH_AUTHORITY"] = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC",
            ["SIGMA_MCP_PUBLIC_URL"] = "https://mcp.example.com/mcp",
        });

        settings.RequiresAuthentication.Should().BeTrue();
        settings.OAuth!.Audience.Should().Be("https://mcp.example.com/mcp");
        settings.OAuth.EmailClaim.Should().Be("email");
        settings.OAuth.Scope.Should().BeNull();
        settings.OAuth.MemberAccessTtl.Should().Be(TimeSpan.FromMinutes(5));
        OAuthSettings.ClockSkew.Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void Parse_OAuthWithoutPublicUrl_RefusesNamingIt()
    {
        var parse = () => Parse(new() { ["SIGMA_MCP_OAUTH_AUTHORITY"] = "https://issuer.example.com" });

        parse.Should().Throw<ConfigurationException>().WithMessage("*SIGMA_MCP_PUBLIC_URL is required*");
    }

    [Theory]
    [InlineData("http://issuer.example.com")]
    [InlineData("http://10.0.0.1:8443")]
    public void Parse_PlainHttpIssuerOffLoopback_Refuses(string authority)
    {
        var parse = () => Parse(new() { ["SIGMA_MCP_OAUTH_AUTHORITY"] = authority, ["SIGMA_MCP_PUBLIC_URL"] = "https://mcp.example.com/mcp" });

        parse.Should().Throw<ConfigurationException>().WithMessage("*plain http*");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000")]
    [InlineData("http://localhost:9000/realms/test")]
    public void Parse_PlainHttpIssuerOnLoopback_IsAllowed(string authority)
    {
        var settings = Parse(new() { ["SIGMA_MCP_OAUTH_AUTHORITY"] = authority, ["SIGMA_MCP_PUBLIC_URL"] = "http://127.0.0.1:8080/mcp" });

        settings.OAuth.Should().NotBeNull();
    }

    [Fact]
    public void Parse_TrustedProxies_ReadsAddressesAndRanges()
    {
        var settings = Parse(new() { ["SIGMA_MCP_HTTP_TOKENS"] = "a-token-of-sixteen-chars", ["SIGMA_MCP_TRUSTED_PROXIES"] = "10.0.0.0/8, 192.168.1.10" });

        settings.TrustedProxies.Select(p => p.ToString()).Should().Equal("10.0.0.0/8", "192.168.1.10/32");
    }

    [Fact]
    public async Task Serve_OAuthWithoutPublicUrl_ExitsTwoWithOneLine()
    {
        await using var sandbox = await SigmaSandbox.StartAsync();
        var settings = new Dictionary<string, string?>(SandboxSettings.For(sandbox)) { ["SIGMA_MCP_OAUTH_AUTHORITY"] = "https://issuer.example.com" };

        var run = await ToolProcess.RunAsync(settings, "serve", "--http", "--urls", "http://0.0.0.0:0");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Trim().Split('\n').Should().ContainSingle(run.ToString()).Which.Should().Contain("SIGMA_MCP_PUBLIC_URL is required");
    }

    private static HttpServerSettings Parse(Dictionary<string, string> values) => HttpServerSettings.Parse(TestConfiguration.From(values), allowUnauthenticated: false);
}
