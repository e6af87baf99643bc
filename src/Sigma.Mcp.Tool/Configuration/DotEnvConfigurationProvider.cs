using Microsoft.Extensions.Configuration;

namespace Sigma.Mcp.Tool.Configuration;

/// <summary>Loads the values of a <see cref="DotEnvConfigurationSource"/> with <see cref="DotEnvFile"/>.</summary>
internal sealed class DotEnvConfigurationProvider(DotEnvConfigurationSource source) : ConfigurationProvider
{
    /// <exception cref="ConfigurationException">An explicit file does not exist, or a line is not <c>KEY=value</c>.</exception>
    public override void Load()
    {
        if (source.Path is { } explicitPath)
        {
            var full = Path.GetFullPath(explicitPath, source.WorkingDirectory);
            Data = File.Exists(full)
                ? DotEnvFile.Parse(full)
                : throw new ConfigurationException("--env-file", $"--env-file: '{full}' does not exist. Pass the path of an existing .env file, or leave the option out.");
            return;
        }

        var implicitPath = Path.Combine(source.WorkingDirectory, ".env");
        Data = File.Exists(implicitPath) ? DotEnvFile.Parse(implicitPath) : new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
    }
}
