using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol.Protocol;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Builds a tool result: the structured object (validated by clients against the advertised output schema), a short
/// text rendering for clients that only read text (a view, not the same JSON twice), and any resource links.
/// </summary>
internal static class ToolResult
{
    /// <summary>The default budget of one result in characters (6,000 estimated tokens); see <see cref="ResultBudget"/>.</summary>
    public const int BudgetChars = ToolSwitches.DefaultResultTokens * ResultBudget.CharsPerToken;

    public static CallToolResult Create<T>(T value, JsonTypeInfo<T> type, string text, IEnumerable<ContentBlock>? links = null) => new()
    {
        Content = [new TextContentBlock { Text = text }, .. links ?? []],
        StructuredContent = JsonSerializer.SerializeToElement(value, type),
    };
}
