using System.Net;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// <c>serve --http</c> with its bearer tokens in a Secrets Manager secret (<c>SIGMA_MCP_HTTP_TOKENS_SECRET_ID</c>), the
/// real AWS SDK in the real process reading it from <see cref="ParameterStoreEndpoint"/> on loopback.
/// </summary>
public sealed class HttpTokenSecretTests : IAsyncLifetime, IDisposable
{
    private const string SecretId = "sigma-mcp/test/http-tokens";
    private const string CiToken = "ci-token-from-the-secret-0123456789";
    private const string RotatedToken = "rotated-token-from-the-secret-abcdef";
    private const string EnvToken = "env-token-0123456789abcdef";
    private const string UnknownToken = "unknown-token-0123456789abcdef";

    private readonly SandboxFixture _fixture = new();
    private ParameterStoreEndpoint _ssm = null!;

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _ssm = await ParameterStoreEndpoint.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _ssm.DisposeAsync();
        await _fixture.DisposeAsync();
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Serve_TokenInSecret_AcceptedAndUnknownRefused()
    {
        _ssm.Put(SecretId, $$"""{"ci": "{{CiToken}}"}""");
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, Settings(reloadInterval: "1h"));

        await using (var client = await server.ConnectAsync(CiToken))
        {
            (await client.ListToolsAsync(cancellationToken: TestTimeouts.Token())).Should().NotBeEmpty();
        }

        using var unknown = server.CreateHttpClient(UnknownToken);
        for (var i = 0; i < 20; i++)
        {
            using var response = await unknown.PostAsync(new Uri("mcp", UriKind.Relative), new StringContent("{}", null, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        _ssm.Reads.Should().Be(1, "read at start; unknown tokens within the reload interval cause no read");
        server.Stderr.Should().Contain($"Read 1 bearer token(s) from Secrets Manager secret '{SecretId}'");
        server.Stderr.Should().NotContain(CiToken).And.NotContain(UnknownToken);
    }

    [Fact]
    public async Task Serve_SecretRotated_NewTokenWorksAfterTheReloadIntervalWithoutRestart()
    {
        _ssm.Put(SecretId, CiToken);
        var settings = Settings(reloadInterval: "5s", envTokens: EnvToken);
        settings["SIGMA_MCP_RATE_LIMIT"] = "0";
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, settings);
        using var env = server.CreateHttpClient(EnvToken);
        using var rotated = server.CreateHttpClient(RotatedToken);
        (await PostAsync(env)).Should().NotBe(HttpStatusCode.Unauthorized, "SIGMA_MCP_HTTP_TOKENS work beside the secret");
        (await PostAsync(rotated)).Should().Be(HttpStatusCode.Unauthorized, "not in the secret yet");
        var readsBefore = _ssm.Reads;

        _ssm.Put(SecretId, $"{CiToken}\n{RotatedToken}");
        (await PostAsync(rotated)).Should().Be(HttpStatusCode.Unauthorized, "the secret was read less than 5 s ago");
        var status = HttpStatusCode.Unauthorized;
        var attempts = 1;
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        while (status == HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            status = await PostAsync(rotated);
            attempts++;
        }

        status.Should().NotBe(HttpStatusCode.Unauthorized, server.Stderr);
        _ssm.Reads.Should().Be(readsBefore + 1, $"{attempts} attempts with an unknown token caused one read, once the interval had passed");
        using var ci = server.CreateHttpClient(CiToken);
        (await PostAsync(ci)).Should().NotBe(HttpStatusCode.Unauthorized);
        server.Stderr.Should().Contain("An unknown bearer token was presented; re-read Secrets Manager secret");
        server.Stderr.Should().NotContain(CiToken).And.NotContain(RotatedToken).And.NotContain(EnvToken);
    }

    [Fact]
    public async Task Serve_SecretMissing_ExitsTwoWithOneLine()
    {
        var run = await ToolProcess.RunAsync(Settings(), "serve", "--http", "--urls", "http://127.0.0.1:0");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Trim().Split('\n').Should().ContainSingle(run.ToString()).Which.Should()
            .StartWith($"sigma-mcp: Could not read the Secrets Manager secret '{SecretId}' (SIGMA_MCP_HTTP_TOKENS_SECRET_ID)")
            .And.Contain("aws secretsmanager put-secret-value");
    }

    [Fact]
    public async Task Serve_SecretHoldsAShortToken_ExitsTwoNamingItsKeyNotItsValue()
    {
        _ssm.Put(SecretId, """{"ci": "short-one", "alice": "alice-token-0123456789abcdef"}""");

        var run = await ToolProcess.RunAsync(Settings(), "serve", "--http", "--urls", "http://127.0.0.1:0");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Trim().Split('\n').Should().ContainSingle(run.ToString()).Which.Should()
            .Contain("does not hold bearer tokens: token 'ci' is too short").And.NotContain("short-one").And.NotContain("alice-token");
    }

    [Fact]
    public async Task Serve_SecretsManagerFailing_ExitsOne()
    {
        _ssm.Put(SecretId, CiToken);
        _ssm.Failing = true;

        var run = await ToolProcess.RunAsync(Settings(), "serve", "--http", "--urls", "http://127.0.0.1:0");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Trim().Split('\n').Should().ContainSingle(run.ToString()).Which.Should().Contain("Retry later");
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("mcp", UriKind.Relative), new StringContent("{}", null, "application/json"));
        return response.StatusCode;
    }

    private Dictionary<string, string?> Settings(string? reloadInterval = null, string? envTokens = null)
    {
        var settings = new Dictionary<string, string?>(_fixture.Settings())
        {
            ["SIGMA_MCP_HTTP_TOKENS_SECRET_ID"] = SecretId,
            ["SIGMA_MCP_HTTP_TOKENS_SECRET_RELOAD_INTERVAL"] = reloadInterval,
            ["SIGMA_MCP_HTTP_TOKENS"] = envTokens,
        };
        foreach (var (key, value) in _ssm.Settings())
        {
            settings[key] = value;
        }

        return settings;
    }
}
