using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sigma.Mcp.Tool.Aws;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Http;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.SigmaApi.Credentials;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// Team mode with static tokens from a Secrets Manager secret beside OAuth, in process with a fake clock for the
/// re-read interval: a secret token and an OAuth token both work, a token rotated into the secret works once the
/// interval has passed, and an unknown token gets the OAuth challenge.
/// </summary>
public sealed class OAuthBesideSecretTokensTests : IAsyncLifetime, IDisposable
{
    private const string PublicUrl = "https://mcp.example.test/mcp";
    private const string SecretToken = "secret-token-0123456789abcdef";
    private const string RotatedToken = "rotated-token-0123456789abcdef";

    private readonly TempDirectory _directory = new();
    private readonly FakeParameterStore _ssm = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CapturingLoggerProvider _logs = new();
    private SigmaSandbox _sandbox = null!;
    private TestIssuer _issuer = null!;
    private WebApplication _app = null!;
    private Uri _baseAddress = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SigmaSandbox.StartAsync();
        _issuer = await TestIssuer.StartAsync();
        var settings = ToolServices.SettingsFor(_sandbox, cachePath: _directory.File("cache.db"));
        var http = HttpServerSettings.Parse(TestConfiguration.From(new Dictionary<string, string>
        {
            ["SIGMA_MCP_URLS"] = "http://127.0.0.1:0",
            ["SIGMA_MCP_HTTP_TOKENS_SECRET_ID"] = "sigma-mcp/test/http-tokens",
            ["SIGMA_MCP_OAUTH_AUTHORITY"] = _issuer.Issuer,
            ["SIGMA_MCP_PUBLIC_URL"] = PublicUrl,
        }), allowUnauthenticated: false);
        _ssm.ThenValue($$"""{"ci": "{{SecretToken}}"}""");
        _app = HttpServerHost.Build(settings, http, builder =>
        {
            builder.Logging.AddProvider(_logs);
            builder.Services.AddSingleton(sp => new HttpTokenSecret(
                new SecretsManagerSecret(() => _ssm, ownsClient: false, http.TokensSecretId!, SettingNames.HttpTokensSecretId, HttpTokenSecretValue.ExampleValue),
                http.TokensSecretReloadInterval, _time, sp.GetRequiredService<ILogger<HttpTokenSecret>>()));
        });
        await _app.Services.GetRequiredService<HttpTokenSecret>().LoadAsync(TestTimeouts.Token());
        await _app.StartAsync();
        _baseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _issuer.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose()
    {
        _ssm.Dispose();
        _logs.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Mcp_SecretTokenAndOAuthToken_BothAccepted()
    {
        (await ListToolsAsync(SecretToken)).Should().Be(HttpStatusCode.OK);
        (await ListToolsAsync(_issuer.Mint(PublicUrl, email: SandboxWellKnown.AdaLovelaceEmail))).Should().Be(HttpStatusCode.OK);
        _ssm.Requests.Should().ContainSingle("a JWT never causes a re-read of the tokens secret");
    }

    [Fact]
    public async Task Mcp_TokenRotatedIntoTheSecret_AcceptedOnceTheIntervalHasPassed()
    {
        _ssm.ThenValue($$"""{"ci": "{{SecretToken}}", "alice": "{{RotatedToken}}"}""");

        var early = await ListToolsAsync(RotatedToken);
        _time.Advance(TimeSpan.FromMinutes(1));
        var late = await ListToolsAsync(RotatedToken);
        var again = await ListToolsAsync("unknown-token-0123456789abcdef");

        early.Should().Be(HttpStatusCode.Unauthorized, "the secret was read less than a minute ago");
        late.Should().Be(HttpStatusCode.OK);
        again.Should().Be(HttpStatusCode.Unauthorized);
        _ssm.Requests.Should().HaveCount(2, "one read at start, one re-read after the minute; the unknown token right after causes none");
        _logs.Lines.Should().NotContain(line => line.Contains(SecretToken, StringComparison.Ordinal) || line.Contains(RotatedToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mcp_UnknownStaticToken_GetsTheOAuthChallenge()
    {
        using var http = new HttpClient { BaseAddress = _baseAddress, Timeout = TestTimeouts.Default };
        using var request = ListToolsRequest("unknown-token-0123456789abcdef");

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("resource_metadata=");
    }

    private async Task<HttpStatusCode> ListToolsAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = _baseAddress, Timeout = TestTimeouts.Default };
        using var request = ListToolsRequest(token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpRequestMessage ListToolsRequest(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("mcp", UriKind.Relative))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }
}
