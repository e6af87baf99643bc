using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Http;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// <c>serve --http</c> in team mode, in process (so that its logs can be captured at every level): OAuth against a
/// <see cref="TestIssuer"/> beside one static token, in front of a sandbox organization, its cache filled.
/// </summary>
public sealed class OAuthServerFixture : IAsyncLifetime, IDisposable
{
    public const string StaticToken = "static-token-0123456789abcdef";
    public const string PublicUrl = "https://mcp.example.test/mcp";
    public const string Scope = "sigma-mcp";

    private readonly TempDirectory _directory = new();
    private WebApplication _app = null!;

    public SigmaSandbox Sandbox { get; private set; } = null!;

    internal TestIssuer Issuer { get; private set; } = null!;

    internal CapturingLoggerProvider Logs { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SigmaSandbox.StartAsync();
        Issuer = await TestIssuer.StartAsync();
        var settings = ToolServices.SettingsFor(Sandbox, logLevel: LogLevel.Trace, cachePath: _directory.File("cache.db"));
        var parsed = HttpServerSettings.Parse(TestConfiguration.From(new Dictionary<string, string>
        {
            ["SIGMA_MCP_URLS"] = "http://127.0.0.1:0",
            ["SIGMA_MCP_HTTP_TOKENS"] = StaticToken,
            ["SIGMA_MCP_OAUTH_AUTHORITY"] = Issuer.Issuer,
            ["SIGMA_MCP_PUBLIC_URL"] = PublicUrl,
            ["SIGMA_MCP_OAUTH_SCOPE"] = Scope,
            ["SIGMA_MCP_MEMBER_ACCESS_TTL"] = "2s",
        }), allowUnauthenticated: false);
        var http = new HttpServerSettings
        {
            Urls = parsed.Urls,
            IsLoopbackOnly = parsed.IsLoopbackOnly,
            Tokens = parsed.Tokens,
            AllowedHosts = parsed.AllowedHosts,
            CorsOrigins = parsed.CorsOrigins,
            RateLimitPerMinute = parsed.RateLimitPerMinute,
            OAuth = parsed.OAuth! with { KeyRefreshInterval = TimeSpan.FromSeconds(1) },
        };
        _app = HttpServerHost.Build(settings, http, builder => builder.Logging.AddProvider(Logs));
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");

        await using var client = await ConnectAsync(StaticToken);
        var refresh = await client.CallToolAsync("refresh_cache", cancellationToken: TestTimeouts.Token());
        if (refresh.IsError == true)
        {
            throw new InvalidOperationException("refresh_cache failed while filling the cache.");
        }
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Issuer.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    public void Dispose()
    {
        Logs.Dispose();
        _directory.Dispose();
    }

    /// <summary>A valid access token for <paramref name="email"/> (Ada, the API user, by default).</summary>
    internal string Token(string email = SandboxWellKnown.AdaLovelaceEmail, string subject = "user-ada") =>
        Issuer.Mint(PublicUrl, email: email, subject: subject, scope: Scope);

    internal HttpClient CreateHttpClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TestTimeouts.Default };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    internal async Task<McpClient> ConnectAsync(string token)
    {
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(BaseAddress, "mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            CreateHttpClient(token),
            ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, cancellationToken: TestTimeouts.Token());
    }
}
