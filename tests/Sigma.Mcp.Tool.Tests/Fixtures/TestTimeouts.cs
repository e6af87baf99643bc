namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>One generous timeout for anything that waits: CI machines are slower than workstations.</summary>
internal static class TestTimeouts
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(60);

    public static CancellationToken Token() => new CancellationTokenSource(Default).Token;
}
