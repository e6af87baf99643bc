using Microsoft.Extensions.Configuration;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Which tools the MCP server offers, and how much one result may cost the model. Parsed from
/// <c>SIGMA_MCP_READ_ONLY</c>, <c>SIGMA_MCP_TOOLS</c>, <c>SIGMA_MCP_DISABLED_TOOLS</c> and <c>SIGMA_MCP_RESULT_TOKENS</c>
/// (or <c>serve --read-only</c>, <c>--tools</c>, <c>--disabled-tools</c>, <c>--result-tokens</c>).
/// </summary>
internal sealed record ToolSwitches
{
    /// <summary>The default budget of one result, in estimated tokens (characters / 4).</summary>
    public const int DefaultResultTokens = 6_000;

    /// <summary>The most any result may cost: the limit some clients (Claude Code) enforce on a tool response.</summary>
    public const int MaxResultTokens = 25_000;

    /// <summary>The smallest budget accepted: below it a single described workbook no longer makes sense.</summary>
    public const int MinResultTokens = 1_000;

    /// <summary>Every tool is offered: the default of stdio <c>serve</c>.</summary>
    public static ToolSwitches All { get; } = new();

    /// <summary>Hides and refuses the tools that write (<c>refresh_cache</c>). Default on for <c>serve --http</c>.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>When set, only these tools are offered (an allowlist); null offers every tool.</summary>
    public IReadOnlySet<string>? Allowed { get; init; }

    /// <summary>Tools never offered (a denylist), applied after <see cref="Allowed"/>.</summary>
    public IReadOnlySet<string> Disabled { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The budget of one tool result, text and structured content together, in estimated tokens (default 6,000; at most 25,000).</summary>
    public int ResultTokens { get; init; } = DefaultResultTokens;

    /// <summary>The switches the settings give.</summary>
    /// <exception cref="ConfigurationException">A setting is malformed or names something that is not a tool.</exception>
    public static ToolSwitches From(IConfiguration configuration) => new()
    {
        ReadOnly = configuration.Bool(SettingNames.ReadOnly) ?? false,
        Allowed = configuration.Setting(SettingNames.Tools) is null ? null : ReadToolNames(configuration, SettingNames.Tools),
        Disabled = ReadToolNames(configuration, SettingNames.DisabledTools),
        ResultTokens = configuration.Int(SettingNames.ResultTokens, DefaultResultTokens, MinResultTokens, MaxResultTokens),
    };

    /// <summary>A comma-separated list of tool names, each one of the server's tools.</summary>
    private static HashSet<string> ReadToolNames(IConfiguration configuration, string name)
    {
        var names = new HashSet<string>((configuration.Setting(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        var unknown = names.Where(n => !ToolNames.All.Contains(n)).ToList();
        return unknown.Count == 0
            ? names
            : throw new ConfigurationException(name, $"{name} names {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which is not a tool. The tools are: {string.Join(", ", ToolNames.All)}.");
    }
}
