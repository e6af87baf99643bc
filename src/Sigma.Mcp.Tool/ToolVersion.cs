using System.Reflection;

namespace Sigma.Mcp.Tool;

/// <summary>The tool's own version, as packed (e.g. <c>0.1.0</c>).</summary>
internal static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString(3)
        ?? "0.0.0";
}
