using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>Serializer options for the MCP surface: the tools' own result types first, then the SDK's.</summary>
internal static class ToolJson
{
    /// <summary>Used by the SDK to build input and output schemas, so that schemas and results agree.</summary>
    public static JsonSerializerOptions Options { get; } = new(McpJsonUtilities.DefaultOptions)
    {
        // The same names as the results, which ToolJsonContext writes in snake_case: clients validate one against the other.
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ToolJsonContext.Default, DocumentJsonContext.Default, McpJsonUtilities.DefaultOptions.TypeInfoResolver),
    };

    /// <summary>For text renderings of results, which people read too.</summary>
    public static JsonSerializerOptions Indented { get; } = new(ToolJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // readable quotes and '+'; the text is JSON content, not HTML
    };
}
