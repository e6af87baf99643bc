using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Server;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Rewrites the schemas the SDK generates so that clients mapping them onto a single-type dialect (Gemini function
/// declarations, OpenAPI 3.0) accept them, as the MCP Inspector's strict lint checks: a nullable property
/// (<c>"type": ["string", "null"]</c>) becomes an optional one of a single type, since the tools omit nulls and take a
/// missing argument as "not given"; <c>"default": null</c> goes; a schema that says nothing (a cell of exported data)
/// lists the JSON values it may be.
/// </summary>
internal static class PortableSchemas
{
    public static void Apply(IEnumerable<McpServerTool> tools)
    {
        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            tool.InputSchema = Transform(tool.InputSchema);
            ArgumentCheck.Register(tool.Name, tool.InputSchema);
            if (tool.OutputSchema is { } output)
            {
                tool.OutputSchema = Transform(output);
            }
        }
    }

    public static JsonElement Transform(JsonElement schema)
    {
        var node = JsonNode.Parse(schema.GetRawText());
        Visit(node);
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "{}");
        return document.RootElement.Clone();
    }

    private static void Visit(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["type"] is JsonArray types)
        {
            var kept = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
            schema["type"] = kept.Count == 1 ? kept[0] : new JsonArray([.. kept.Select(k => (JsonNode?)k)]);
        }

        if (schema.TryGetPropertyValue("default", out var fallback) && fallback is null)
        {
            schema.Remove("default");
        }

        if (schema["properties"] is JsonObject properties)
        {
            var required = schema["required"] as JsonArray;
            foreach (var (name, property) in properties.ToList())
            {
                if (IsNullable(property) && required is not null)
                {
                    foreach (var entry in required.Where(r => r?.GetValue<string>() == name).ToList())
                    {
                        required.Remove(entry);
                    }
                }

                Visit(property);
            }

            if (required is { Count: 0 })
            {
                schema.Remove("required");
            }
        }

        if (schema.TryGetPropertyValue("items", out var items))
        {
            if (items is null || (items is JsonObject { Count: 0 }) || (items is JsonValue v && v.GetValueKind() == JsonValueKind.True))
            {
                schema["items"] = AnyJsonScalar();
            }
            else
            {
                Visit(items);
            }
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            Visit(additional);
        }
    }

    private static bool IsNullable(JsonNode? property) =>
        property?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    /// <summary>A cell of exported data: text, a number, true/false or null.</summary>
    private static JsonObject AnyJsonScalar() => new()
    {
        ["anyOf"] = new JsonArray(
            new JsonObject { ["type"] = "string" },
            new JsonObject { ["type"] = "number" },
            new JsonObject { ["type"] = "boolean" },
            new JsonObject { ["type"] = "null" }),
    };
}
