using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// One <c>serve --http</c> process for a test class, as deployed: bearer tokens on, against a sandbox organization of
/// the tests' own, logging at trace level (so the token scan sees everything), its cache filled through <c>refresh_cache</c>.
/// </summary>
public sealed class AuthenticatedServerFixture : IAsyncLifetime, IDisposable
{
    public const string Token = "test-token-0123456789abcdef";
    public const string SecondToken = "second-token-fedcba9876543210";

    private readonly TempDirectory _directory = new();

    public SigmaSandbox Sandbox { get; private set; } = null!;

    internal HttpToolServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SigmaSandbox.StartAsync();
        Server = await HttpToolServer.StartAsync(_directory.Path, new Dictionary<string, string?>(SandboxSettings.For(Sandbox))
        {
            ["SIGMA_MCP_CACHE_PATH"] = _directory.File("cache.db"),
            ["SIGMA_MCP_HTTP_TOKENS"] = $"{Token}, {SecondToken}",
            ["SIGMA_MCP_LOG_LEVEL"] = "trace",
            ["SIGMA_MCP_READ_ONLY"] = "false", // serve --http is read-only unless refreshing is enabled explicitly; the fixture fills its cache with refresh_cache
        });

        await using var client = await Server.ConnectAsync(Token);
        var refresh = await client.CallToolAsync("refresh_cache", cancellationToken: TestTimeouts.Token());
        if (refresh.IsError == true)
        {
            throw new InvalidOperationException($"refresh_cache failed while filling the cache.\n--- stderr\n{Server.Stderr}");
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    internal Task<McpClient> ConnectAsync(string? protocolVersion = null) => Server.ConnectAsync(Token, protocolVersion);
}
