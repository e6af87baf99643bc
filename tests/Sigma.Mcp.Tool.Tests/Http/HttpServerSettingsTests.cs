using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Http;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Http;

public sealed class HttpServerSettingsTests
{
    private const string Token = "a-token-of-sixteen-chars";

    [Fact]
    public void Parse_Defaults_LoopbackPort8080WithLoopbackHostsAndRateLimit()
    {
        var settings = Parse(new() { ["SIGMA_MCP_HTTP_TOKENS"] = Token });

        settings.Urls.Should().Equal("http://127.0.0.1:8080");
        settings.IsLoopbackOnly.Should().BeTrue();
        settings.RequiresAuthentication.Should().BeTrue();
        settings.AllowedHosts.Should().BeEquivalentTo(["localhost", "127.0.0.1", "[::1]"]);
        settings.CorsOrigins.Should().BeEmpty();
        settings.RateLimitPerMinute.Should().Be(600);
        settings.RefreshInterval.Should().BeNull();
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://mcp.example.com:8080")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://localhost:8080;http://0.0.0.0:9090")]
    public void Parse_NonLoopbackWithoutTokens_Refuses(string urls)
    {
        var parse = () => Parse(new() { ["SIGMA_MCP_URLS"] = urls });

        parse.Should().Throw<ConfigurationException>().WithMessage("Refusing to listen on*SIGMA_MCP_HTTP_TOKENS*");
    }

    [Fact]
    public void Parse_AllowUnauthenticatedOnNonLoopback_Refuses()
    {
        var parse = () => Parse(new() { ["SIGMA_MCP_URLS"] = "http://0.0.0.0:8080" }, allowUnauthenticated: true);

        parse.Should().Throw<ConfigurationException>().WithMessage("--allow-unauthenticated is only allowed on a loopback address*");
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:8080")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://127.0.0.2:8080")]
    public void Parse_AllowUnauthenticatedOnLoopback_RunsWithoutAuthentication(string url)
    {
        var settings = Parse(new() { ["SIGMA_MCP_URLS"] = url }, allowUnauthenticated: true);

        settings.RequiresAuthentication.Should().BeFalse();
        settings.IsLoopbackOnly.Should().BeTrue();
    }

    [Fact]
    public void Parse_NoTokensOnLoopbackWithoutAllowUnauthenticated_Refuses()
    {
        var parse = () => Parse([]);

        parse.Should().Throw<ConfigurationException>().WithMessage("*SIGMA_MCP_HTTP_TOKENS*--allow-unauthenticated*");
    }

    [Theory]
    [InlineData("tooshort123")]
    [InlineData("has a space in it somewhere")]
    public void Parse_WeakToken_RefusesWithoutEchoingIt(string token)
    {
        var parse = () => Parse(new() { ["SIGMA_MCP_HTTP_TOKENS"] = $"{Token},{token}" });

        parse.Should().Throw<ConfigurationException>().WithMessage("*token 2*")
            .Which.Message.Should().NotContain(token).And.NotContain(Token);
    }

    [Fact]
    public void Parse_TokensWithSpacesAroundCommas_AcceptsEach()
    {
        var settings = Parse(new() { ["SIGMA_MCP_HTTP_TOKENS"] = $" {Token} , second-token-0123456789 ," });

        settings.Tokens.Count.Should().Be(2);
        settings.Tokens.Find("second-token-0123456789").Should().Be(1);
    }

    [Fact]
    public void Parse_UrlsAndAllowedHosts_AllowTheirHostsButNotWildcards()
    {
        var settings = Parse(new()
        {
            ["SIGMA_MCP_HTTP_TOKENS"] = Token,
            ["SIGMA_MCP_URLS"] = "http://0.0.0.0:8080;http://mcp.internal:9090",
            ["SIGMA_MCP_ALLOWED_HOSTS"] = "mcp.example.com, *.corp.example.com",
        });

        settings.IsLoopbackOnly.Should().BeFalse();
        settings.AllowedHosts.Should().BeEquivalentTo(["localhost", "127.0.0.1", "[::1]", "mcp.internal", "mcp.example.com", "*.corp.example.com"]);
    }

    [Theory]
    [InlineData("SIGMA_MCP_URLS", "https://127.0.0.1:8443", "terminate TLS")]
    [InlineData("SIGMA_MCP_URLS", "127.0.0.1:8080", "not an address")]
    [InlineData("SIGMA_MCP_URLS", "http://127.0.0.1:8080/mcp", "not an address")]
    [InlineData("SIGMA_MCP_ALLOWED_HOSTS", "https://mcp.example.com", "not a host name")]
    [InlineData("SIGMA_MCP_CORS_ORIGINS", "https://app.example.com/path", "not an origin")]
    [InlineData("SIGMA_MCP_RATE_LIMIT", "-1", "SIGMA_MCP_RATE_LIMIT")]
    [InlineData("SIGMA_MCP_REFRESH_INTERVAL", "15", "duration")]
    [InlineData("SIGMA_MCP_REFRESH_INTERVAL", "0s", "duration")]
    public void Parse_MalformedSetting_RefusesNamingIt(string name, string value, string message)
    {
        var parse = () => Parse(new() { ["SIGMA_MCP_HTTP_TOKENS"] = Token, [name] = value });

        parse.Should().Throw<ConfigurationException>().WithMessage($"*{message}*");
    }

    [Theory]
    [InlineData("15m", 15 * 60)]
    [InlineData("30s", 30)]
    [InlineData("1.5h", 90 * 60)]
    [InlineData("00:05:00", 5 * 60)]
    public void Parse_RefreshInterval_ReadsDurations(string text, int seconds)
    {
        var settings = Parse(new() { ["SIGMA_MCP_HTTP_TOKENS"] = Token, ["SIGMA_MCP_REFRESH_INTERVAL"] = text });

        settings.RefreshInterval.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void Parse_CorsOrigins_TurnsCorsOn()
    {
        var settings = Parse(new() { ["SIGMA_MCP_HTTP_TOKENS"] = Token, ["SIGMA_MCP_CORS_ORIGINS"] = "https://app.example.com,http://localhost:5173" });

        settings.CorsOrigins.Should().Equal("https://app.example.com", "http://localhost:5173");
    }

    [Fact]
    public void Parse_TokensSecretAlone_AuthenticatesANonLoopbackServer()
    {
        var settings = Parse(new()
        {
            ["SIGMA_MCP_URLS"] = "http://0.0.0.0:8080",
            ["SIGMA_MCP_HTTP_TOKENS_SECRET_ID"] = "sigma-mcp-prod/http-tokens",
            ["AWS_DEFAULT_REGION"] = "eu-west-2",
        });

        settings.RequiresAuthentication.Should().BeTrue();
        settings.TokensSecretId.Should().Be("sigma-mcp-prod/http-tokens");
        settings.TokensSecretReloadInterval.Should().Be(TimeSpan.FromMinutes(1));
        settings.AwsRegion.Should().Be("eu-west-2");
        settings.Tokens.Count.Should().Be(0);
    }

    [Theory]
    [InlineData("not a secret name")]
    [InlineData("tokens|prod")]
    public void Parse_MalformedTokensSecretId_RefusesNamingTheSetting(string secretId)
    {
        var parse = () => Parse(new() { ["SIGMA_MCP_HTTP_TOKENS_SECRET_ID"] = secretId });

        parse.Should().Throw<ConfigurationException>().Which.Message.Should().StartWith($"SIGMA_MCP_HTTP_TOKENS_SECRET_ID '{secretId}' is not a Secrets Manager secret name or ARN");
    }

    private static HttpServerSettings Parse(Dictionary<string, string> values, bool allowUnauthenticated = false) =>
        HttpServerSettings.Parse(TestConfiguration.From(values), allowUnauthenticated);
}
