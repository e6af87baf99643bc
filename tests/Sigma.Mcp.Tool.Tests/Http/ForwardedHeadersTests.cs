using System.Net;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// <c>X-Forwarded-For</c> picks the per-IP rate-limit bucket (of requests without an accepted token) only when the
/// connection comes from a proxy in <c>SIGMA_MCP_TRUSTED_PROXIES</c>: otherwise any client could choose a fresh bucket
/// by sending the header itself. The real <c>serve --http</c> process; the test connects from 127.0.0.1.
/// </summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime, IDisposable
{
    private const string Token = "forwarded-token-0123456789abcdef";
    private readonly SandboxFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("127.0.0.1", true)]       // the peer is the trusted proxy
    [InlineData("127.0.0.0/8", true)]     // a range holding it
    [InlineData("10.9.9.9", false)]       // proxies are configured, but the peer is not one of them
    [InlineData(null, false)]             // no proxy configured
    public async Task RateLimit_ForwardedFor_SeparateBucketsOnlyFromATrustedProxy(string? trustedProxies, bool honoured)
    {
        var settings = new Dictionary<string, string?>(_fixture.Settings())
        {
            ["SIGMA_MCP_HTTP_TOKENS"] = Token,
            ["SIGMA_MCP_RATE_LIMIT"] = "2",
            ["SIGMA_MCP_TRUSTED_PROXIES"] = trustedProxies,
        };
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, settings);
        using var http = server.CreateHttpClient();

        var first = new[] { await PostAsync(http, "203.0.113.1"), await PostAsync(http, "203.0.113.1"), await PostAsync(http, "203.0.113.1") };
        var other = await PostAsync(http, "203.0.113.2");

        first.Should().Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            "without a token, the client's address is the bucket: two requests a minute here");
        other.Should().Be(honoured ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests,
            honoured ? "a trusted proxy's X-Forwarded-For names another client, with a bucket of its own" : "the header is ignored: same peer, same bucket");
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("mcp", UriKind.Relative)) { Content = new StringContent("{}", null, "application/json") };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
