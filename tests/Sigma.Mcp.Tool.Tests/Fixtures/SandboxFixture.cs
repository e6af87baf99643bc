using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>
/// A sandbox organization and a temporary folder for the tool's files: an xunit class fixture (one for the tests of a
/// class), or owned by a test class that forwards its lifetime to it (one per test). <see cref="Settings"/> are what the
/// tool needs to use them: the sandbox's credentials and a LiteDB cache in the folder.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime, IDisposable
{
    private readonly Lazy<TempDirectory> _directory = new(() => new TempDirectory());
    private readonly SandboxOptions? _options;

    public SandboxFixture()
    {
    }

    /// <summary>A sandbox of another shape (more workbooks, larger elements); only for a fixture a test class owns.</summary>
    internal SandboxFixture(SandboxOptions options) => _options = options;

    public SigmaSandbox Sandbox { get; private set; } = null!;

    /// <summary>Created on first use, deleted on dispose.</summary>
    internal TempDirectory Directory => _directory.Value;

    public string CachePath => Directory.File("cache.db");

    public async Task InitializeAsync() => Sandbox = await SigmaSandbox.StartAsync(_options);

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();

    public void Dispose()
    {
        if (_directory.IsValueCreated)
        {
            _directory.Value.Dispose();
        }
    }

    /// <summary>The sandbox's settings with the cache in <see cref="Directory"/>: a new dictionary, for a test to add to.</summary>
    public Dictionary<string, string?> Settings() => new(SandboxSettings.For(Sandbox)) { ["SIGMA_MCP_CACHE_PATH"] = CachePath };
}
