using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>The server's <c>tools/list</c>, read once per test class from an in-process server (xunit class fixture).</summary>
public sealed class ToolListFixture : IAsyncLifetime
{
    private InProcessServer? _server;

    internal IReadOnlyList<McpClientTool> Tools { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _server = await InProcessServer.StartAsync(cancellationToken: TestTimeouts.Token());
        Tools = [.. await _server.Client.ListToolsAsync(cancellationToken: TestTimeouts.Token())];
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
