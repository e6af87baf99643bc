using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// Team mode end to end on loopback: a real authorization server (oidc-provider), the built tool running
/// <c>serve --http</c> as its resource server, and the official TypeScript MCP client completing the OAuth flow
/// (discovery from the 401, dynamic registration, PKCE, resource indicator; the test plays the browser) and searching.
/// </summary>
public sealed class OAuthEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string StaticToken = "e2e-static-token-0123456789";
    private readonly TempDirectory _directory = new();
    private SigmaSandbox _sandbox = null!;
    private OidcProvider _provider = null!;
    private HttpToolServer _server = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SigmaSandbox.StartAsync();
        _provider = await OidcProvider.StartAsync();

        // The public URL (the token audience) must be known before the server starts, so the port is chosen here.
        var url = $"http://127.0.0.1:{FreePort()}";
        _server = await HttpToolServer.StartOnAsync(url, _directory.Path, new Dictionary<string, string?>(SandboxSettings.For(_sandbox))
        {
            ["SIGMA_MCP_CACHE_PATH"] = _directory.File("cache.db"),
            ["SIGMA_MCP_HTTP_TOKENS"] = StaticToken,
            ["SIGMA_MCP_OAUTH_AUTHORITY"] = _provider.Issuer,
            ["SIGMA_MCP_PUBLIC_URL"] = url + "/mcp",
            ["SIGMA_MCP_OAUTH_SCOPE"] = "sigma-mcp",
            ["SIGMA_MCP_LOG_LEVEL"] = "trace",
            ["SIGMA_MCP_READ_ONLY"] = "false", // the test fills the cache with refresh_cache
        });
        await using var client = await _server.ConnectAsync(StaticToken);
        var refresh = await client.CallToolAsync("refresh_cache", cancellationToken: TestTimeouts.Token());
        refresh.IsError.Should().NotBe(true, _server.Stderr);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _provider.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task TypeScriptClient_CompletesOAuthFlow_AndSearches()
    {
        var run = await OidcProvider.RunScriptAsync("mcp-oauth-client.mjs", _server.McpEndpoint.ToString(), SandboxWellKnown.AdaLovelaceEmail, SandboxWellKnown.RevenueDashboardName);

        run.ExitCode.Should().Be(0, $"{run}\n--- server\n{_server.Stderr}\n--- provider\n{_provider.Output}");
        using var result = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        root.GetProperty("firstAttemptUnauthorized").GetBoolean().Should().BeTrue("the client learns where to authenticate from the 401");
        root.GetProperty("resource").GetString().Should().Be(_server.McpEndpoint.ToString());
        root.GetProperty("tokenType").GetString().Should().Be("at+jwt");
        root.GetProperty("audience").GetString().Should().Be(_server.McpEndpoint.ToString());
        root.GetProperty("email").GetString().Should().Be(SandboxWellKnown.AdaLovelaceEmail);
        root.GetProperty("isError").GetBoolean().Should().BeFalse();
        root.GetProperty("ids").EnumerateArray().Select(e => e.GetString()).Should().Contain(SandboxWellKnown.RevenueDashboardId);
        _server.Stderr.Should().NotContain("eyJ", "no token (a JWT starts with eyJ) may reach the log");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
