using System.Net;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Connect;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Connect;

/// <summary>What each failure tells the user, and the settings that connect accepts.</summary>
public sealed class RelayFailuresTests
{
    private static readonly ConnectSettings s_oauth = ConnectSettings.Parse("https://mcp.example.com/mcp", null, TestConfiguration.From(new Dictionary<string, string>()), "/tmp/none");

    [Fact]
    public void ExpiredLogin_SaysToLogInAgainWithTheExactCommand()
    {
        var text = new RelayFailures(s_oauth).Describe(new LoginRequiredException(hadLogin: true));

        text.Should().Contain("expired").And.Contain("sigma-mcp connect https://mcp.example.com/mcp --login");
    }

    [Fact]
    public void ToolCallFailure_IsAToolErrorOtherRequestsAJsonRpcError()
    {
        var failures = new RelayFailures(s_oauth);
        var unreachable = new HttpRequestException(HttpRequestError.ConnectionError, "refused");

        var call = failures.AnswerFor(new JsonRpcRequest { Id = new RequestId(1), Method = RequestMethods.ToolsCall }, unreachable);
        var list = failures.AnswerFor(new JsonRpcRequest { Id = new RequestId(2), Method = RequestMethods.ToolsList }, unreachable);

        call.Should().BeOfType<JsonRpcResponse>().Which.Result!["isError"]!.GetValue<bool>().Should().BeTrue();
        list.Should().BeOfType<JsonRpcError>().Which.Error.Message.Should().Contain("Cannot reach");
    }

    [Fact]
    public void RefusedToken_NamesWhereTheTokenCameFrom()
    {
        var settings = ConnectSettings.Parse("https://mcp.example.com/mcp", null, TestConfiguration.From(new Dictionary<string, string> { [ConnectSettings.TokenVariable] = "secret-token-value" }), "/tmp/none");

        var text = new RelayFailures(settings).Describe(new HttpRequestException("401", null, HttpStatusCode.Unauthorized));

        text.Should().Contain("SIGMA_MCP_CONNECT_TOKEN").And.NotContain("secret-token-value");
    }

    [Theory]
    [InlineData("http://mcp.example.com/mcp")] // a token in the clear over the network
    [InlineData("ftp://mcp.example.com/mcp")]
    [InlineData("mcp.example.com")]
    public void UnusableAddress_IsRefusedBeforeAnythingStarts(string url)
    {
        var parse = () => ConnectSettings.Parse(url, null, TestConfiguration.From(new Dictionary<string, string>()), "/tmp/none");

        parse.Should().Throw<ConfigurationException>();
    }

    [Fact]
    public void PlainHttpToLoopback_IsAccepted() =>
        ConnectSettings.Parse("http://127.0.0.1:8080/mcp", null, TestConfiguration.From(new Dictionary<string, string>()), "/tmp/none").Endpoint.Port.Should().Be(8080);
}
