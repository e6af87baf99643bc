using System.CommandLine;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Server;
using Sigma.Sandbox;
using Sigma.Sandbox.Corpus;

namespace Sigma.Mcp.Tool.Cli;

/// <summary>
/// What a command runs with: its validated settings and, with <c>--sandbox</c>, the simulated Sigma organization
/// that those settings point at. Disposing it stops the sandbox.
/// </summary>
internal sealed class CommandEnvironment : IAsyncDisposable
{
    // Typed as what it is used for here, so that a start without --sandbox never loads the sandbox's assembly.
    private readonly IAsyncDisposable? _sandbox;

    private CommandEnvironment(ToolSettings settings, IAsyncDisposable? sandbox)
    {
        Settings = settings;
        _sandbox = sandbox;
    }

    public ToolSettings Settings { get; }

    /// <exception cref="ConfigurationException">A setting is missing or malformed.</exception>
    public static async Task<CommandEnvironment> CreateAsync(
        ParseResult parseResult, GlobalOptions options, bool requireCredentials, LogLevel defaultLogLevel, CancellationToken cancellationToken,
        IConfigurationRoot? configuration = null)
    {
        configuration ??= options.Configuration(parseResult);
        ExportAwsSettings(configuration);

        var corpus = parseResult.GetValue(options.SandboxCorpus);
        if (!parseResult.GetValue(options.Sandbox) && corpus is null)
        {
            return new CommandEnvironment(ToolSettings.Load(configuration, requireCredentials, isSandbox: false, defaultLogLevel), null);
        }

        return await CreateSandboxedAsync(configuration, corpus, requireCredentials, defaultLogLevel, cancellationToken);
    }

    public ValueTask DisposeAsync() => _sandbox?.DisposeAsync() ?? ValueTask.CompletedTask;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<CommandEnvironment> CreateSandboxedAsync(
        IConfigurationRoot configuration, string? corpus, bool requireCredentials, LogLevel defaultLogLevel, CancellationToken cancellationToken)
    {
        var sandbox = await SigmaSandbox.StartAsync(corpus is null ? null : new SandboxOptions { Corpus = SandboxCorpus.Load(corpus) }, cancellationToken);
        try
        {
            // The sandbox's address and credentials win over any set for real use.
            var sandboxed = SettingsConfiguration.Override(configuration, new Dictionary<string, string?>
            {
                [SettingNames.BaseUrl] = sandbox.BaseUrl.ToString(),
                [SettingNames.ClientId] = sandbox.ClientId,
                [SettingNames.ClientSecret] = sandbox.ClientSecret,
            });
            return new CommandEnvironment(ToolSettings.Load(sandboxed, requireCredentials, isSandbox: true, defaultLogLevel), sandbox);
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The AWS SDK reads its own variables (AWS_REGION, AWS_PROFILE, ...) from the process environment only;
    /// values from .env are copied there, where the environment does not already set them, as dotenv does. The
    /// process's own environment provider is not enumerated: it has nothing to add there, and listing it (every
    /// variable, sorted) took about 5 ms of every start.
    /// </summary>
    internal static void ExportAwsSettings(IConfigurationRoot configuration)
    {
        var keys = configuration.Providers
            .Where(provider => provider is not EnvironmentVariablesConfigurationProvider)
            .SelectMany(provider => provider.GetChildKeys([], parentPath: null))
            .Where(key => key.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        foreach (var key in keys)
        {
            if (Environment.GetEnvironmentVariable(key) is null && configuration.Setting(key) is { } value)
            {
                Environment.SetEnvironmentVariable(key, value);
            }
        }
    }
}
