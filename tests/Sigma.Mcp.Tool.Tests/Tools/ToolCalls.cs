using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>Calling tools and reading their results in tests.</summary>
internal static class ToolCalls
{
    /// <summary>Arguments from JSON text, e.g. <c>{"query":"revenue","limit":5}</c>, as a client would send them.</summary>
    public static Dictionary<string, object?> Args(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
    }

    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, string argumentsJson = "{}", IProgress<ProgressNotificationValue>? progress = null) =>
        await client.CallToolAsync(tool, Args(argumentsJson), progress, cancellationToken: TestTimeouts.Token());

    /// <summary>Calls <c>refresh_cache</c> so that search has documents; throws with what it said (and <paramref name="log"/>) when it fails.</summary>
    public static async Task FillCacheAsync(this McpClient client, string? log = null)
    {
        var refresh = await client.CallToolAsync("refresh_cache", cancellationToken: TestTimeouts.Token());
        if (refresh.IsError == true)
        {
            throw new InvalidOperationException($"refresh_cache failed while filling the cache: {InProcessServer.Text(refresh)}" + (log is null ? "" : $"\n--- stderr\n{log}"));
        }
    }

    /// <summary>Asserts a successful result with structured content, and returns the structured content.</summary>
    public static JsonElement Ok(this CallToolResult result)
    {
        result.IsError.Should().NotBe(true, "the call succeeds; it said: {0}", InProcessServer.Text(result));
        result.StructuredContent.Should().NotBeNull("every tool returns structured content");
        return result.StructuredContent!.Value;
    }

    /// <summary>Asserts a tool error (a result, not a protocol error) and returns its text.</summary>
    public static string Error(this CallToolResult result)
    {
        var text = InProcessServer.Text(result);
        result.IsError.Should().BeTrue("the call fails as a tool error the model can read; it returned: {0} {1}", text, result.StructuredContent?.GetRawText());
        text.Should().NotBeNullOrWhiteSpace("a tool error says what went wrong");
        return text;
    }

    /// <summary>What the result costs the model: every text block plus the structured content, in characters.</summary>
    public static int Size(this CallToolResult result) =>
        InProcessServer.Text(result).Length + (result.StructuredContent?.GetRawText().Length ?? 0);

    public static string? Str(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static List<JsonElement> Items(this JsonElement element, string property) => [.. element.GetProperty(property).EnumerateArray()];
}
