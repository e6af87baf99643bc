using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>
/// A column's <c>type</c>: Sigma's documentation shows a string, but live tenants send an object such as
/// <c>{"type": "text"}</c> (see docs/sigma-recorded-shapes.md). Both read as the type's name; anything else reads as
/// its raw JSON rather than failing the whole listing.
/// </summary>
internal sealed class ColumnTypeConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var root = document.RootElement;
                    return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var name) && name.ValueKind == JsonValueKind.String
                        ? name.GetString()
                        : root.GetRawText();
                }
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
