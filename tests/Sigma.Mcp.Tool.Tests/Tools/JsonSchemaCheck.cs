using System.Text.Json;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary>
/// Checks a JSON value against the subset of JSON Schema the SDK generates for output schemas (<c>type</c>,
/// <c>properties</c>, <c>required</c>, <c>items</c>, <c>additionalProperties</c>, <c>enum</c>, <c>anyOf</c>), as the TypeScript
/// client's validator does: a missing required property or a wrong type is a problem. Unknown keywords that would
/// change the outcome (<c>$ref</c>, <c>oneOf</c>…) are reported rather than ignored.
/// </summary>
internal static class JsonSchemaCheck
{
    private static readonly string[] s_unsupported = ["$ref", "oneOf", "allOf", "not", "if"];

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each with its JSON path; empty when it conforms.</summary>
    public static List<string> Problems(JsonElement schema, JsonElement value)
    {
        var problems = new List<string>();
        Check(schema, value, "$", problems);
        return problems;
    }

    private static void Check(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return; // true / {} accept anything
        }

        foreach (var keyword in s_unsupported.Where(k => schema.TryGetProperty(k, out _)))
        {
            problems.Add($"{path}: the schema uses '{keyword}', which this check does not evaluate");
        }

        if (schema.TryGetProperty("anyOf", out var branches) && !branches.EnumerateArray().Any(b => Problems(b, value).Count == 0))
        {
            problems.Add($"{path}: {Short(value)} matches none of the anyOf branches {branches.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value))
        {
            problems.Add($"{path}: is {value.ValueKind} ({Short(value)}), the schema says {type.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            problems.Add($"{path}: {Short(value)} is not one of {allowed.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, path, problems);
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", problems);
            }
        }
    }

    private static void CheckObject(JsonElement schema, JsonElement value, string path, List<string> problems)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                var present = string.Join(", ", value.EnumerateObject().Select(o => o.Name));
                problems.Add($"{path}: required property '{name}' is missing (present: {present})");
            }
        }

        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            var childPath = $"{path}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, childPath, problems);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                problems.Add($"{childPath}: not allowed (additionalProperties is false)");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(additional, property.Value, childPath, problems);
            }
        }
    }

    private static bool TypeMatches(JsonElement type, JsonElement value) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => Is(t.GetString(), value))
        : Is(type.GetString(), value);

    private static bool Is(string? type, JsonElement value) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => true,
    };

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
