using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Cli;

/// <summary><c>serve</c>'s tool switches: which tools are offered, and how large a result may be.</summary>
internal sealed class ToolSwitchOptions
{
    public Option<bool> ReadOnly { get; } = new("--read-only")
    {
        Description = $"Hide and refuse the tools that write (refresh_cache); '--read-only false' offers them [env: {SettingNames.ReadOnly}; default: on with --http, off on stdio]",
    };

    public Option<string?> Tools { get; } = new("--tools")
    {
        Description = $"Offer only these tools, comma-separated [env: {SettingNames.Tools}]. The tools: {string.Join(", ", ToolNames.All)}",
        HelpName = "names",
    };

    public Option<string?> DisabledTools { get; } = new("--disabled-tools")
    {
        Description = $"Never offer these tools, comma-separated [env: {SettingNames.DisabledTools}]",
        HelpName = "names",
    };

    public Option<string?> ResultTokens { get; } = new("--result-tokens")
    {
        Description = $"Budget of one tool result in estimated tokens, {ToolSwitches.MinResultTokens} to {ToolSwitches.MaxResultTokens} [env: {SettingNames.ResultTokens}; default: {ToolSwitches.DefaultResultTokens}]",
        HelpName = "tokens",
    };

    public IEnumerable<Option> All => [ReadOnly, Tools, DisabledTools, ResultTokens];

    /// <summary>The switches given on this command line, keyed by the setting each overrides.</summary>
    public Dictionary<string, string?> ToCommandLine(ParseResult parseResult) => new()
    {
        [SettingNames.ReadOnly] = parseResult.GetResult(ReadOnly) is { Implicit: false } ? (parseResult.GetValue(ReadOnly) ? "true" : "false") : null,
        [SettingNames.Tools] = parseResult.GetValue(Tools),
        [SettingNames.DisabledTools] = parseResult.GetValue(DisabledTools),
        [SettingNames.ResultTokens] = parseResult.GetValue(ResultTokens),
    };

    /// <summary>
    /// <c>serve --http</c> is read-only unless refreshing was enabled explicitly: <c>--read-only false</c>,
    /// <c>SIGMA_MCP_READ_ONLY=false</c>, or <c>refresh_cache</c> named in <c>SIGMA_MCP_TOOLS</c>.
    /// </summary>
    public static IConfigurationRoot ReadOnlyUnlessRefreshEnabled(IConfigurationRoot configuration)
    {
        var explicitlyEnabled = configuration.Setting(SettingNames.ReadOnly) is not null
            || (configuration.Setting(SettingNames.Tools) is { } tools && tools.Split(',', StringSplitOptions.TrimEntries).Contains(ToolNames.RefreshCache));
        return explicitlyEnabled ? configuration : SettingsConfiguration.Override(configuration, new Dictionary<string, string?> { [SettingNames.ReadOnly] = "true" });
    }
}
