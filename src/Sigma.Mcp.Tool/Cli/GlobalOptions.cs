using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Cli;

/// <summary>Options every command accepts. Each one overrides the setting of the same meaning from the environment or <c>.env</c>.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> EnvFile { get; } = new("--env-file")
    {
        Description = "Read settings from this .env file instead of ./.env",
        HelpName = "path",
        Recursive = true,
    };

    public Option<bool> Sandbox { get; } = new("--sandbox")
    {
        Description = "Use the built-in simulated Sigma organization (no account or credentials needed; separate cache file)",
        Recursive = true,
    };

    public Option<string?> SandboxCorpus { get; } = new("--sandbox-corpus")
    {
        Description = "Like --sandbox, but serving the documents of this corpus file (JSON, as tests/Sigma.Mcp.Tool.Tests/Search/Data/bi-corpus.json) instead of generated ones",
        HelpName = "file",
        Recursive = true,
    };

    public Option<string?> BaseUrl { get; } = new("--base-url")
    {
        Description = "Sigma API host [env: SIGMA_BASE_URL; default: https://api.sigmacomputing.com]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string?> ClientId { get; } = new("--client-id")
    {
        Description = "Sigma API client id [env: SIGMA_CLIENT_ID]. The secret is read only from SIGMA_CLIENT_SECRET",
        HelpName = "id",
        Recursive = true,
    };

    public Option<string?> Cache { get; } = CreateCacheOption();

    public Option<string?> CachePath { get; } = new("--cache-path")
    {
        Description = "LiteDB cache file [env: SIGMA_MCP_CACHE_PATH; default: ~/.local/share/sigma-mcp/cache.db]",
        HelpName = "file",
        Recursive = true,
    };

    public Option<string?> TableName { get; } = new("--table-name")
    {
        Description = "DynamoDB cache table [env: CACHE_TABLE_NAME; default: sigma-mcp-cache]",
        HelpName = "name",
        Recursive = true,
    };

    public Option<string?> LogLevel { get; } = new("--log-level")
    {
        Description = "Lowest level logged to stderr: trace, debug, information, warning, error [env: SIGMA_MCP_LOG_LEVEL]",
        HelpName = "level",
        Recursive = true,
    };

    public IEnumerable<Option> All => [EnvFile, Sandbox, SandboxCorpus, BaseUrl, ClientId, Cache, CachePath, TableName, LogLevel];

    /// <summary>The options that override a setting: the setting's name and the option's.</summary>
    private static readonly (string Setting, string Option)[] s_overrides =
    [
        (SettingNames.BaseUrl, "--base-url"),
        (SettingNames.ClientId, "--client-id"),
        (SettingNames.Cache, "--cache"),
        (SettingNames.CachePath, "--cache-path"),
        (SettingNames.TableName, "--table-name"),
        (SettingNames.LogLevel, "--log-level"),
    ];

    /// <summary>The options given on this command line, keyed by the setting each overrides.</summary>
    public SettingsSources ToSources(ParseResult parseResult) => new()
    {
        EnvFile = parseResult.GetValue(EnvFile),
        CommandLine = s_overrides.ToDictionary(o => o.Setting, o => parseResult.GetValue<string?>(o.Option)),
    };

    /// <summary>
    /// The configuration of this command line: <c>.env</c>, the environment, then these options and
    /// <paramref name="commandOptions"/> (a command's own, keyed by setting name) on top.
    /// </summary>
    /// <exception cref="ConfigurationException">The <c>.env</c> file is missing or malformed.</exception>
    public IConfigurationRoot Configuration(ParseResult parseResult, IReadOnlyDictionary<string, string?>? commandOptions = null)
    {
        var sources = ToSources(parseResult);
        return SettingsConfiguration.Build(commandOptions is null
            ? sources
            : sources with { CommandLine = new Dictionary<string, string?>(sources.CommandLine.Concat(commandOptions)) });
    }

    /// <summary>
    /// The message of a configuration error, naming the option too when the bad value came from it
    /// ("--log-level (SIGMA_MCP_LOG_LEVEL) 'verbose' is not a log level"), so the user looks where they typed it.
    /// </summary>
    public static string Describe(ConfigurationException error, ParseResult parseResult)
    {
        var name = s_overrides.Where(o => o.Setting == error.Setting).Select(o => o.Option).FirstOrDefault();
        var option = name is null ? null : parseResult.RootCommandResult.Command.Options.FirstOrDefault(o => o.Name == name);
        var given = option is not null && parseResult.GetResult(option) is { Implicit: false };
        return given && error.Message.StartsWith(error.Setting + " ", StringComparison.Ordinal)
            ? $"{name} ({error.Setting}){error.Message[error.Setting.Length..]}"
            : error.Message;
    }

    private static Option<string?> CreateCacheOption()
    {
        var option = new Option<string?>("--cache")
        {
            Description = "Cache backend [env: SIGMA_MCP_CACHE, or USE_LOCAL_CACHE=true|false; default: litedb]",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("litedb", "dynamodb");
        return option;
    }
}
