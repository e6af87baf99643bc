using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// Team mode's resource server (MCP authorization spec): protected resource metadata, challenges, and access tokens
/// minted here against the test's own JWKS, each wrong in one way and each refused with the right status and header.
/// </summary>
public sealed class OAuthTokenTests(OAuthServerFixture fixture) : IClassFixture<OAuthServerFixture>
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw-test","version":"1"}}}""";
    private const string MetadataUrl = "https://mcp.example.test/.well-known/oauth-protected-resource/mcp";

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    [InlineData("/.well-known/oauth-protected-resource")]
    public async Task ProtectedResourceMetadata_BothForms_NameResourceAndIssuer(string path)
    {
        using var http = fixture.CreateHttpClient();

        using var response = await http.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("resource").GetString().Should().Be(OAuthServerFixture.PublicUrl);
        json.RootElement.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()).Should().Equal(fixture.Issuer.Issuer);
        json.RootElement.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()).Should().Equal(OAuthServerFixture.Scope);
    }

    [Fact]
    public async Task Mcp_NoToken_Returns401PointingAtMetadata()
    {
        using var response = await SendAsync(token: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        challenge.Should().StartWith("Bearer").And.Contain($"resource_metadata=\"{MetadataUrl}\"").And.NotContain("error=");
    }

    public static TheoryData<string> BrokenTokens => ["expired", "not-yet-valid", "wrong-issuer", "wrong-audience", "missing-email", "wrong-type", "unsigned-garbage"];

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task Mcp_BrokenToken_Returns401InvalidToken(string kind)
    {
        var token = Broken(kind);

        using var response = await SendAsync(token);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, kind);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        challenge.Should().Contain("error=\"invalid_token\"").And.Contain($"resource_metadata=\"{MetadataUrl}\"");
        if (kind == "missing-email")
        {
            challenge.Should().Contain("no 'email' claim");
        }

        AssertNotLogged(token);
    }

    [Fact]
    public async Task Mcp_InsufficientScope_Returns403NamingTheScope()
    {
        var token = fixture.Issuer.Mint(OAuthServerFixture.PublicUrl, scope: "openid profile");

        using var response = await SendAsync(token);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("error=\"insufficient_scope\"").And.Contain("scope=\"sigma-mcp\"")
            .And.Contain($"resource_metadata=\"{MetadataUrl}\"");
        AssertNotLogged(token);
    }

    [Theory]
    [InlineData("at+jwt", "scope", "openid sigma-mcp")]
    [InlineData("JWT", "scope", "sigma-mcp")]
    [InlineData("JWT", "scp", "sigma-mcp other")]
    public async Task Mcp_ValidToken_IsAccepted(string type, string scopeClaim, string scope)
    {
        var token = fixture.Issuer.Mint(OAuthServerFixture.PublicUrl, scope: scope, type: type, scopeClaim: scopeClaim);

        using var response = await SendAsync(token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        AssertNotLogged(token);
    }

    [Fact]
    public async Task Mcp_ExpiredWithinClockSkew_IsAccepted()
    {
        var token = fixture.Issuer.Mint(OAuthServerFixture.PublicUrl, notBefore: DateTime.UtcNow.AddMinutes(-10), expires: DateTime.UtcNow.AddSeconds(-20));

        using var response = await SendAsync(token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Mcp_UnknownKeyIdThenRotatedIn_RefusedThenAccepted()
    {
        fixture.Issuer.AddKey("key-rotated", publish: false);
        var token = fixture.Issuer.Mint(OAuthServerFixture.PublicUrl, kid: "key-rotated");

        using (var refused = await SendAsync(token))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            refused.Headers.WwwAuthenticate.ToString().Should().Contain("error=\"invalid_token\"");
        }

        var readsBefore = fixture.Issuer.JwksReads;
        fixture.Issuer.Publish("key-rotated");

        // The JWKS is re-read on an unknown key id, at most once per KeyRefreshInterval (1 s here), possibly in the
        // background: the token is accepted within a few tries. The tries are paced: refused tokens count against the
        // server's per-address rate limit (600 a minute), which the other tests on this fixture share, and an unpaced
        // loop on a fast machine spent it all, so their requests got 429 instead of 401.
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        while (true)
        {
            using (var response = await SendAsync(token))
            {
                status = response.StatusCode;
            }

            if (status == HttpStatusCode.OK || clock.Elapsed >= TestTimeouts.Default)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        status.Should().Be(HttpStatusCode.OK);
        fixture.Issuer.JwksReads.Should().BeGreaterThan(readsBefore);
        AssertNotLogged(token);
    }

    [Fact]
    public async Task Mcp_StaticTokenBesideOAuth_StillWorks()
    {
        await using var client = await fixture.ConnectAsync(OAuthServerFixture.StaticToken);

        var tools = await client.ListToolsAsync(cancellationToken: TestTimeouts.Token());

        tools.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Mcp_ValidTokenThroughSdkClient_Searches()
    {
        await using var client = await fixture.ConnectAsync(fixture.Token());

        var search = await client.CallToolAsync("search_documents",
            new Dictionary<string, object?> { ["query"] = SandboxWellKnown.RevenueDashboardName }, cancellationToken: TestTimeouts.Token());

        search.IsError.Should().NotBe(true);
    }

    private string Broken(string kind)
    {
        var issuer = fixture.Issuer;
        var audience = OAuthServerFixture.PublicUrl;
        var now = DateTime.UtcNow;
        return kind switch
        {
            "expired" => issuer.Mint(audience, notBefore: now.AddMinutes(-30), expires: now.AddMinutes(-5)),
            "not-yet-valid" => issuer.Mint(audience, notBefore: now.AddMinutes(5), expires: now.AddMinutes(30)),
            "wrong-issuer" => issuer.Mint(audience, issuer: "https://evil.example.test"),
            "wrong-audience" => issuer.Mint("https://other.example.test/mcp"),
            "missing-email" => issuer.Mint(audience, email: null),
            "wrong-type" => issuer.Mint(audience, type: "logout+jwt"),
            _ => "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl",
        };
    }

    private async Task<HttpResponseMessage> SendAsync(string? token)
    {
        using var http = fixture.CreateHttpClient(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, "mcp") { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await http.SendAsync(request);
    }

    private void AssertNotLogged(string token)
    {
        var signature = token.Split('.')[^1];
        var payload = token.Split('.')[1];
        fixture.Logs.Lines.Should().NotContain(line => line.Contains(signature, StringComparison.Ordinal) || line.Contains(payload, StringComparison.Ordinal));
    }
}
