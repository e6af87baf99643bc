using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Checks a call's arguments against the tool's input schema before the SDK binds them, so that a model never reads
/// the SDK's generic "An error occurred invoking …": a missing, unknown, mistyped or out-of-range argument is named,
/// with what is expected and an example call. Also maps the names older clients send (<c>workbook</c>,
/// <c>data_model</c>, <c>row_limit</c>, camelCase spellings) onto the current vocabulary.
/// </summary>
internal static class ArgumentCheck
{
    /// <summary>Other spellings of an argument, each mapped onto the name the schema uses.</summary>
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.Ordinal)
    {
        ["workbook"] = "workbook_id",
        ["workbookId"] = "workbook_id",
        ["data_model"] = "data_model_id",
        ["dataModelId"] = "data_model_id",
        ["elementId"] = "element_id",
        ["row_limit"] = "limit",
        ["documentType"] = "document_type",
        ["dateFilter"] = "date_filter",
    };

    /// <summary>Example values by argument name, for the example call in an error message.</summary>
    private static readonly Dictionary<string, JsonNode?> s_examples = new(StringComparer.Ordinal)
    {
        ["workbook_id"] = "<workbook id, urlId or URL from search_documents>",
        ["data_model_id"] = "<data model id or urlId from search_documents>",
        ["element_id"] = "<element_id from describe_workbook>",
        ["query"] = "revenue by region",
        ["document_type"] = "workbook",
        ["format"] = "csv",
        ["date_filter"] = "last-30-days",
        ["parameters"] = new JsonObject { ["p_region"] = "EMEA" },
        ["owner"] = "Ada",
        ["path"] = "Finance",
        ["badge"] = "Endorsed",
        ["updated_since"] = "2026-01-31",
        ["include_archived"] = true,
    };

    private static readonly ConcurrentDictionary<string, JsonElement> s_schemas = new(StringComparer.Ordinal);

    /// <summary>Remembers a tool's (portable) input schema, for the example calls of errors the tool raises itself.</summary>
    public static void Register(string tool, JsonElement schema) => s_schemas[tool] = schema;

    /// <summary>A tool's input schema, as registered; an empty object schema when unknown.</summary>
    public static JsonElement SchemaOf(string tool) => s_schemas.TryGetValue(tool, out var schema) ? schema : default;

    /// <summary>
    /// Returns the arguments to bind (aliases mapped, numbers and booleans sent as strings converted, nulls of
    /// optional arguments dropped), or throws <see cref="ToolArgumentException"/> naming what is wrong.
    /// </summary>
    public static Dictionary<string, JsonElement> Normalize(string tool, JsonElement schema, IDictionary<string, JsonElement>? arguments)
    {
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal) : [];
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (given, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            var name = Has(properties, given) ? given : s_aliases.TryGetValue(given, out var alias) && Has(properties, alias) ? alias : null;
            if (name is null)
            {
                throw new ToolArgumentException(
                    $"{tool} has no argument '{given}'. {Signature(properties, required)} Example: {Example(tool, schema, null)}");
            }

            if (result.ContainsKey(name))
            {
                throw new ToolArgumentException($"{tool} got '{name}' twice (as '{name}' and '{given}'): pass it once, as '{name}'. Example: {Example(tool, schema, name)}");
            }

            if (value.ValueKind == JsonValueKind.Null && !required.Contains(name))
            {
                continue; // an optional argument sent as null means "not given"
            }

            result[name] = Coerce(tool, schema, name, properties.GetProperty(name), value);
        }

        foreach (var name in required.Where(n => !result.ContainsKey(n) || IsBlank(result[n])))
        {
            throw new ToolArgumentException(
                $"{tool} needs '{name}'{(result.ContainsKey(name) ? " (it was empty)" : "")}: {Expected(properties.GetProperty(name))} Example: {Example(tool, schema, name)}");
        }

        return result;
    }

    /// <summary>The message for an argument whose value is of the right type but not acceptable.</summary>
    public static ToolArgumentException Invalid(string tool, JsonElement schema, string name, string problem) =>
        new($"{problem} Example: {Example(tool, schema, name)}");

    /// <summary>An example call with the required arguments and <paramref name="focus"/>, e.g. <c>describe_workbook {"workbook_id":"…"}</c>.</summary>
    public static string Example(string tool, JsonElement schema, string? focus)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var names = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        if (focus is not null && !names.Contains(focus) && Has(properties, focus))
        {
            names.Add(focus);
        }

        var example = new JsonObject();
        foreach (var name in names)
        {
            example[name] = ExampleValue(name, properties.GetProperty(name));
        }

        return ToolCall.Format(tool, example);
    }

    private static JsonElement Coerce(string tool, JsonElement schema, string name, JsonElement property, JsonElement value)
    {
        var type = property.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var coerced = (type, value.ValueKind) switch
        {
            ("integer", JsonValueKind.String) when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonSerializer.SerializeToElement(n, ToolJsonContext.Default.Int64),
            ("boolean", JsonValueKind.String) when bool.TryParse(value.GetString(), out var b) => JsonSerializer.SerializeToElement(b, ToolJsonContext.Default.Boolean),
            ("object", JsonValueKind.Object) => TextValues(value), // control values: 2025 and true mean "2025" and "true"
            _ => value,
        };

        if (!Matches(type, coerced))
        {
            throw new ToolArgumentException(
                $"'{name}' must be {Article(type)}, not {Describe(value)}: {Expected(property)} Example: {Example(tool, schema, name)}");
        }

        if (type == "integer")
        {
            var n = coerced.GetInt64();
            var min = property.TryGetProperty("minimum", out var lo) ? lo.GetInt64() : long.MinValue;
            var max = property.TryGetProperty("maximum", out var hi) ? hi.GetInt64() : long.MaxValue;
            if (n < min || n > max)
            {
                var range = max == long.MaxValue ? $"{min} or more" : $"from {min} to {max}";
                throw new ToolArgumentException($"'{name}' must be {range}; it was {n}. Example: {Example(tool, schema, name)}");
            }
        }

        if (property.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, coerced)))
        {
            throw new ToolArgumentException(
                $"'{name}' must be one of {string.Join(", ", allowed.EnumerateArray().Select(a => a.ToString()))}, not {Describe(value)}. Example: {Example(tool, schema, name)}");
        }

        return coerced;
    }

    private static JsonElement TextValues(JsonElement map)
    {
        var text = new JsonObject();
        foreach (var property in map.EnumerateObject())
        {
            text[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => JsonNode.Parse(property.Value.GetRawText()), // left for Matches to refuse
            };
        }

        using var document = JsonDocument.Parse(text.ToJsonString());
        return document.RootElement.Clone();
    }

    private static bool Matches(string? type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String),
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    private static bool IsBlank(JsonElement value) => value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString());

    private static bool Has(JsonElement properties, string name) => properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out _);

    private static string Expected(JsonElement property) =>
        property.TryGetProperty("description", out var d) ? d.GetString()!.TrimEnd('.') + "." : "see the tool's input schema.";

    private static string Signature(JsonElement properties, HashSet<string> required)
    {
        var names = properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(p => p.Name).ToList() : [];
        return names.Count == 0
            ? "It takes no arguments."
            : $"Its arguments are: {string.Join(", ", names.Select(n => required.Contains(n) ? $"{n} (required)" : n))}.";
    }

    private static JsonNode? ExampleValue(string name, JsonElement property)
    {
        if (property.TryGetProperty("default", out var d) && d.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            && !(d.ValueKind == JsonValueKind.String && d.GetString()!.Length == 0))
        {
            return JsonNode.Parse(d.GetRawText());
        }

        if (s_examples.TryGetValue(name, out var example))
        {
            return example?.DeepClone();
        }

        return property.TryGetProperty("minimum", out var min) ? JsonNode.Parse(min.GetRawText()) : "…";
    }

    private static string Article(string? type) => type switch
    {
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "object" => "an object of names to text values",
        "array" => "a list",
        _ => "a text string",
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {JsonSerializer.Serialize(value.GetString(), ToolJsonContext.Default.String)}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "a list",
        _ => "an object",
    };
}
