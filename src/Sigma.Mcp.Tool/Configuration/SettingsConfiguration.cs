using Microsoft.Extensions.Configuration;

namespace Sigma.Mcp.Tool.Configuration;

/// <summary>
/// The configuration of one invocation: <c>.env</c> &lt; environment variables &lt; command-line options, as
/// configuration providers in that order. Precedence lives here and nowhere else.
/// </summary>
internal static class SettingsConfiguration
{
    /// <exception cref="ConfigurationException">An explicit <c>--env-file</c> does not exist, or a <c>.env</c> line is malformed.</exception>
    public static IConfigurationRoot Build(SettingsSources sources)
    {
        var builder = new ConfigurationBuilder()
            .Add(new DotEnvConfigurationSource { Path = sources.EnvFile, WorkingDirectory = sources.WorkingDirectory });
        if (sources.Environment is { } environment)
        {
            builder.AddInMemoryCollection(environment);
        }
        else
        {
            builder.AddEnvironmentVariables();
        }

        return builder.AddInMemoryCollection(sources.CommandLine).Build();
    }

    /// <summary>
    /// <paramref name="configuration"/> with <paramref name="values"/> on top (e.g. the sandbox's address and credentials,
    /// which must win over any set for real use).
    /// </summary>
    public static IConfigurationRoot Override(IConfiguration configuration, IEnumerable<KeyValuePair<string, string?>> values) =>
        // Chained, not rebuilt: the sources below are not read again (.env, the environment).
        new ConfigurationBuilder().AddConfiguration(configuration, shouldDisposeConfiguration: false).AddInMemoryCollection(values).Build();
}
