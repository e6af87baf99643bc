using System.Net;
using System.Net.Sockets;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// Team mode on loopback with a real authorization server: a sandbox organization, oidc-provider
/// (<see cref="OidcProvider"/>), and the built tool running <c>serve --http</c> as its resource server (OAuth beside
/// one static token), its cache filled. Shared by the tests whose MCP clients complete the OAuth flow.
/// </summary>
public sealed class OidcTeamServer : IAsyncLifetime, IDisposable
{
    public const string StaticToken = "e2e-static-token-0123456789";
    private readonly SandboxFixture _sandbox = new();

    public SigmaSandbox Sandbox => _sandbox.Sandbox;

    internal OidcProvider Provider { get; private set; } = null!;

    internal HttpToolServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _sandbox.InitializeAsync();
        Provider = await OidcProvider.StartAsync();

        // The public URL (the token audience) must be known before the server starts, so the port is chosen here; if
        // another process takes it before the server binds it, the server exits saying so and another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            try
            {
                Server = await HttpToolServer.StartOnAsync(url, _sandbox.Directory.Path, new Dictionary<string, string?>(_sandbox.Settings())
                {
                    ["SIGMA_MCP_HTTP_TOKENS"] = StaticToken,
                    ["SIGMA_MCP_OAUTH_AUTHORITY"] = Provider.Issuer,
                    ["SIGMA_MCP_PUBLIC_URL"] = url + "/mcp",
                    ["SIGMA_MCP_OAUTH_SCOPE"] = "sigma-mcp",
                    ["SIGMA_MCP_LOG_LEVEL"] = "trace",
                    ["SIGMA_MCP_READ_ONLY"] = "false", // the fixture fills the cache with refresh_cache
                });
                break;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("exited before listening", StringComparison.Ordinal))
            {
            }
        }

        await using var client = await Server.ConnectAsync(StaticToken);
        await client.FillCacheAsync(Server.Stderr);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Provider.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _sandbox.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
