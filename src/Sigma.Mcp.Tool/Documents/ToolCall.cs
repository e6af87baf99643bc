using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sigma.Mcp.Tool.Documents;

/// <summary>A tool call as a model writes it, e.g. <c>describe_workbook {"workbook_id":"…"}</c>, for messages that say what to call next.</summary>
internal static class ToolCall
{
    // Compact, with readable quotes and angle brackets: the text is read by a model, not put in HTML.
    private static readonly JsonSerializerOptions s_relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(string tool, JsonObject arguments) => $"{tool} {arguments.ToJsonString(s_relaxed)}";

    public static string Format(string tool, params (string Name, string Value)[] arguments)
    {
        var json = new JsonObject();
        foreach (var (name, value) in arguments)
        {
            json[name] = value;
        }

        return Format(tool, json);
    }
}
