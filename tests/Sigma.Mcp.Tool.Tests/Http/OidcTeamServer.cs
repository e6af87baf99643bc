using System.Net;
using System.Net.Sockets;
using Sigma.Mcp.Tool.Tests.Fixtures;
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
    private readonly TempDirectory _directory = new();

    public SigmaSandbox Sandbox { get; private set; } = null!;

    internal OidcProvider Provider { get; private set; } = null!;

    internal HttpToolServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SigmaSandbox.StartAsync();
        Provider = await OidcProvider.StartAsync();

        // The public URL (the token audience) must be known before the server starts, so the port is chosen here.
        var url = $"http://127.0.0.1:{FreePort()}";
        Server = await HttpToolServer.StartOnAsync(url, _directory.Path, new Dictionary<string, string?>(SandboxSettings.For(Sandbox))
        {
            ["SIGMA_MCP_CACHE_PATH"] = _directory.File("cache.db"),
            ["SIGMA_MCP_HTTP_TOKENS"] = StaticToken,
            ["SIGMA_MCP_OAUTH_AUTHORITY"] = Provider.Issuer,
            ["SIGMA_MCP_PUBLIC_URL"] = url + "/mcp",
            ["SIGMA_MCP_OAUTH_SCOPE"] = "sigma-mcp",
            ["SIGMA_MCP_LOG_LEVEL"] = "trace",
            ["SIGMA_MCP_READ_ONLY"] = "false", // the fixture fills the cache with refresh_cache
        });
        await using var client = await Server.ConnectAsync(StaticToken);
        var refresh = await client.CallToolAsync("refresh_cache", cancellationToken: TestTimeouts.Token());
        if (refresh.IsError == true)
        {
            throw new InvalidOperationException($"refresh_cache failed while filling the cache.\n--- stderr\n{Server.Stderr}");
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Provider.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
