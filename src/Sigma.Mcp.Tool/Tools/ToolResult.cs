using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol.Protocol;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Builds a tool result: the structured object (validated by clients against the advertised output schema) and a short
/// text rendering for clients that only read text. The text is a view, not the same JSON twice.
/// </summary>
internal static class ToolResult
{
    /// <summary>About 20,000 tokens: the most any one result may cost the model.</summary>
    public const int BudgetChars = 80_000;

    public static CallToolResult Create<T>(T value, JsonTypeInfo<T> type, string text) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        StructuredContent = JsonSerializer.SerializeToElement(value, type),
    };

    public static int SizeOf<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type).Length;
}
