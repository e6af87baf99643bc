using System.CommandLine;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Cli;

/// <summary>
/// What a command runs with: its validated settings and, with <c>--sandbox</c>, the simulated Sigma organization
/// that those settings point at. Disposing it stops the sandbox.
/// </summary>
internal sealed class CommandEnvironment : IAsyncDisposable
{
    private CommandEnvironment(ToolSettings settings, SigmaSandbox? sandbox)
    {
        Settings = settings;
        Sandbox = sandbox;
    }

    public ToolSettings Settings { get; }

    public SigmaSandbox? Sandbox { get; }

    /// <exception cref="ConfigurationException">A setting is missing or malformed.</exception>
    public static async Task<CommandEnvironment> CreateAsync(
        ParseResult parseResult, GlobalOptions options, bool requireCredentials, LogLevel defaultLogLevel, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? commandOptions = null)
    {
        var sources = options.ToSources(parseResult);
        if (commandOptions is not null)
        {
            // The command's own options (serve's tool switches), at the command line's precedence.
            sources = sources with { CommandLine = new Dictionary<string, string?>(sources.CommandLine.Concat(commandOptions)) };
        }

        var values = new Dictionary<string, string>(SettingsLoader.Merge(sources));
        ExportAwsSettings(values);

        if (!parseResult.GetValue(options.Sandbox))
        {
            return new CommandEnvironment(SettingsLoader.Validate(values, requireCredentials, isSandbox: false, defaultLogLevel), null);
        }

        var sandbox = await SigmaSandbox.StartAsync(cancellationToken: cancellationToken);
        try
        {
            values[SettingNames.BaseUrl] = sandbox.BaseUrl.ToString();
            values[SettingNames.ClientId] = sandbox.ClientId;
            values[SettingNames.ClientSecret] = sandbox.ClientSecret;
            return new CommandEnvironment(SettingsLoader.Validate(values, requireCredentials, isSandbox: true, defaultLogLevel), sandbox);
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Sandbox?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>
    /// The AWS SDK reads its own variables (AWS_REGION, AWS_PROFILE, ...) from the process environment only;
    /// values from .env are copied there, where the environment does not already set them, as dotenv does.
    /// </summary>
    private static void ExportAwsSettings(Dictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            if (key.StartsWith("AWS_", StringComparison.Ordinal) && Environment.GetEnvironmentVariable(key) is null)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }
    }
}
