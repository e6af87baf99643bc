using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>One sandbox organization shared by the tests of a class (xunit class fixture).</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SigmaSandbox Sandbox { get; private set; } = null!;

    public async Task InitializeAsync() => Sandbox = await SigmaSandbox.StartAsync();

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();
}
