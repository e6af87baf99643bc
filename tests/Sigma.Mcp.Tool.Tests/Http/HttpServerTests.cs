using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// <c>serve --http</c> as a remote client sees it: the built tool in its own process, spoken to over Streamable HTTP
/// with the SDK's <see cref="HttpClientTransport"/>, and with raw HTTP for what a client library would never send.
/// </summary>
public sealed class HttpServerTests(AuthenticatedServerFixture fixture) : IClassFixture<AuthenticatedServerFixture>
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw-test","version":"1"}}}""";

    private HttpToolServer Server => fixture.Server;

    [Fact]
    public async Task Mcp_NoToken_Returns401WithBearerChallenge()
    {
        using var http = Server.CreateHttpClient();

        using var response = await http.SendAsync(InitializeRequest());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer realm=\"sigma-mcp\"");
    }

    [Fact]
    public async Task Mcp_WrongToken_Returns401WithInvalidTokenChallenge()
    {
        using var http = Server.CreateHttpClient("wrong-token-0123456789abcdef");

        using var response = await http.SendAsync(InitializeRequest());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer realm=\"sigma-mcp\"").And.Contain("invalid_token");
    }

    [Fact]
    public async Task Mcp_WrongTokenThroughSdkClient_FailsToConnect()
    {
        var connect = () => Server.ConnectAsync("wrong-token-0123456789abcdef");

        await connect.Should().ThrowAsync<Exception>();
    }

    [Theory]
    [InlineData(null)]          // the SDK's newest revision: no initialize, per-request metadata
    [InlineData("2025-11-25")]  // initialize, as shipping hosts do
    [InlineData("2025-06-18")]
    public async Task Mcp_RightToken_ListsToolsHeartbeatHealthySearchFinds(string? protocolVersion)
    {
        await using var client = await fixture.ConnectAsync(protocolVersion);

        client.ServerInfo!.Name.Should().Be("sigma-mcp");
        client.NegotiatedProtocolVersion.Should().Be(protocolVersion ?? "2026-07-28");
        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.Token());
        tools.Select(t => t.Name).Should().Contain(["heartbeat", "search_documents", "refresh_cache"]);

        var heartbeat = await client.CallToolAsync("heartbeat", cancellationToken: TestTimeouts.Token());
        heartbeat.IsError.Should().NotBe(true);
        heartbeat.StructuredContent!.Value.GetProperty("status").GetString().Should().Be("healthy", Server.Stderr);

        var search = await client.CallToolAsync("search_documents",
            new Dictionary<string, object?> { ["query"] = SandboxWellKnown.RevenueDashboardName }, cancellationToken: TestTimeouts.Token());
        search.IsError.Should().NotBe(true);
        search.StructuredContent!.Value.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .Should().Contain(SandboxWellKnown.RevenueDashboardId);
    }

    [Fact]
    public async Task Mcp_SecondToken_IsAcceptedToo()
    {
        await using var client = await Server.ConnectAsync(AuthenticatedServerFixture.SecondToken, "2025-11-25");

        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.Token());

        tools.Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:8080")]
    [InlineData("127.0.0.1.evil.example")]
    public async Task Mcp_ForeignHostHeader_IsRefused(string host)
    {
        using var http = Server.CreateHttpClient(AuthenticatedServerFixture.Token);
        using var request = InitializeRequest();
        request.Headers.Host = host;

        using var response = await http.SendAsync(request);

        ((int)response.StatusCode).Should().BeOneOf(400, 421);
    }

    [Fact]
    public async Task Mcp_ForeignOrigin_Returns403()
    {
        using var http = Server.CreateHttpClient(AuthenticatedServerFixture.Token);
        using var request = InitializeRequest();
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Mcp_LoopbackOrigin_IsServed()
    {
        using var http = Server.CreateHttpClient(AuthenticatedServerFixture.Token);
        using var request = InitializeRequest();
        request.Headers.Add("Origin", "http://localhost:3000");

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(false)] // Content-Length says it up front
    [InlineData(true)]  // chunked: only Kestrel's limit, while reading, can tell
    public async Task Mcp_BodyOver1MB_Returns413(bool chunked)
    {
        using var http = Server.CreateHttpClient(AuthenticatedServerFixture.Token);
        var padding = new string(' ', 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "mcp")
        {
            Content = new StringContent(Initialize + padding, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Healthz_WithoutToken_Returns200Ok()
    {
        using var http = Server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"status":"ok"}""");
    }

    [Fact]
    public async Task Readyz_CacheFilledAndSigmaAnswering_Returns200Ready()
    {
        using var http = Server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("status").GetString().Should().Be("ready");
        json.RootElement.GetProperty("sigma").GetString().Should().Be("ok");
        json.RootElement.GetProperty("search_index").GetString().Should().Be("ready");
        json.RootElement.GetProperty("documents").GetInt32().Should().BePositive();
    }

    [Fact]
    public async Task Readyz_ProbedRepeatedly_AsksSigmaAtMostOncePerMinute()
    {
        using var http = Server.CreateHttpClient();
        (await http.GetAsync(new Uri("readyz", UriKind.Relative))).Dispose();
        var before = fixture.Sandbox.Requests.Count("GET", "/v2/whoami");

        for (var i = 0; i < 20; i++)
        {
            (await http.GetAsync(new Uri("readyz", UriKind.Relative))).Dispose();
        }

        fixture.Sandbox.Requests.Count("GET", "/v2/whoami").Should().BeLessThanOrEqualTo(before + 1);
    }

    [Fact]
    public async Task Logs_AfterRequestsWithGoodAndBadTokens_NeverContainATokenOrTheAuthorizationHeader()
    {
        using (var good = Server.CreateHttpClient(AuthenticatedServerFixture.Token))
        using (var bad = Server.CreateHttpClient("bad-token-secret-0123456789"))
        {
            (await good.SendAsync(InitializeRequest())).Dispose();
            (await bad.SendAsync(InitializeRequest())).Dispose();
        }

        await using (var client = await fixture.ConnectAsync())
        {
            await client.CallToolAsync("heartbeat", cancellationToken: TestTimeouts.Token());
        }

        var logs = Server.Stderr;
        logs.Should().Contain("trce:", "the server logs at trace level, so that this scan sees everything");
        logs.Should().NotContain(AuthenticatedServerFixture.Token)
            .And.NotContain(AuthenticatedServerFixture.SecondToken)
            .And.NotContain("bad-token-secret")
            .And.NotContain("Bearer test-token");
    }

    private static HttpRequestMessage InitializeRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "mcp") { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }
}
