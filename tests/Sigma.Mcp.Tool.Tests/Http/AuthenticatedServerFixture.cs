using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;
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

    private readonly SandboxFixture _sandbox = new();

    public SigmaSandbox Sandbox => _sandbox.Sandbox;

    internal HttpToolServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _sandbox.InitializeAsync();
        Server = await HttpToolServer.StartAsync(_sandbox.Directory.Path, new Dictionary<string, string?>(_sandbox.Settings())
        {
            ["SIGMA_MCP_HTTP_TOKENS"] = $"{Token}, {SecondToken}",
            ["SIGMA_MCP_LOG_LEVEL"] = "trace",
            ["SIGMA_MCP_READ_ONLY"] = "false", // serve --http is read-only unless refreshing is enabled explicitly; the fixture fills its cache with refresh_cache
        });

        await using var client = await Server.ConnectAsync(Token);
        await client.FillCacheAsync(Server.Stderr);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _sandbox.Dispose();

    internal Task<McpClient> ConnectAsync(string? protocolVersion = null) => Server.ConnectAsync(Token, protocolVersion);
}
