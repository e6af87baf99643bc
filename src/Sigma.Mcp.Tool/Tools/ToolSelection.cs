using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Which tools this server offers (<c>--read-only</c>, <c>SIGMA_MCP_TOOLS</c>, <c>SIGMA_MCP_DISABLED_TOOLS</c>), enforced in
/// one place: <c>tools/list</c> leaves the others out and <c>tools/call</c> refuses them (<see cref="ToolCallGate"/>).
/// </summary>
internal sealed class ToolSelection(ToolSwitches switches)
{
    public ToolSwitches Switches => switches;

    public bool IsEnabled(string tool) => WhyDisabled(tool) is null;

    /// <summary>Why <paramref name="tool"/> is not offered, for the model to read; null when it is.</summary>
    public string? WhyDisabled(string tool)
    {
        if (switches.ReadOnly && ToolNames.Writing.Contains(tool))
        {
            return $"'{tool}' is turned off: this server runs read-only (--read-only or SIGMA_MCP_READ_ONLY; the default of serve --http). " +
                "Its cache is refreshed by whoever runs it (sigma-mcp cache refresh, or --refresh-interval).";
        }

        if (switches.Allowed is { } allowed && !allowed.Contains(tool))
        {
            return $"'{tool}' is turned off on this server (SIGMA_MCP_TOOLS or --tools offers only {string.Join(", ", allowed.Order(StringComparer.Ordinal))}).";
        }

        return switches.Disabled.Contains(tool)
            ? $"'{tool}' is turned off on this server (SIGMA_MCP_DISABLED_TOOLS or --disabled-tools)."
            : null;
    }
}
