using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// One in-process server per test class, on a sandbox of its own, with the cache filled by <c>refresh_cache</c>
/// (xunit class fixture). Tests that change the sandbox change documents no other test of the class reads.
/// </summary>
public sealed class CachedServerFixture : IAsyncLifetime
{
    internal InProcessServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await InProcessServer.StartAsync(fillCache: true, cancellationToken: TestTimeouts.Token());

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
