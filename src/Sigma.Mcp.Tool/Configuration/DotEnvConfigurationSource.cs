using Microsoft.Extensions.Configuration;

namespace Sigma.Mcp.Tool.Configuration;

/// <summary>
/// A <c>.env</c> file as a configuration source, below the environment and the command line. <see cref="Path"/> null
/// reads <c>.env</c> in <see cref="WorkingDirectory"/> when there is one; an explicit path must exist.
/// </summary>
internal sealed class DotEnvConfigurationSource : IConfigurationSource
{
    public string? Path { get; init; }

    public required string WorkingDirectory { get; init; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new DotEnvConfigurationProvider(this);
}
