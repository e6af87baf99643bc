using System.Text;
using System.Text.Json;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>
/// The little that shutdown needs to know about one newline-delimited JSON-RPC message: is it a request, a response,
/// or a cancellation, and of which id. Read straight from the bytes, independent of the SDK's internals.
/// </summary>
internal readonly record struct JsonRpcLine(JsonRpcLineKind Kind, string? Id)
{
    public static JsonRpcLine Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return default;
            }

            string? id = null, method = null, cancelledId = null;
            var hasOutcome = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "id" when reader.TokenType is JsonTokenType.String or JsonTokenType.Number:
                        id = RawText(ref reader, line);
                        break;
                    case "method" when reader.TokenType == JsonTokenType.String:
                        method = reader.GetString();
                        break;
                    case "result" or "error":
                        hasOutcome = true;
                        reader.Skip();
                        break;
                    case "params" when reader.TokenType == JsonTokenType.StartObject:
                        cancelledId = FindRequestId(ref reader, line);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            return (method, id, hasOutcome) switch
            {
                ("notifications/cancelled", _, _) => new(JsonRpcLineKind.Cancelled, cancelledId),
                (not null, not null, _) => new(JsonRpcLineKind.Request, id),
                (null, not null, true) => new(JsonRpcLineKind.Response, id),
                _ => default,
            };
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? FindRequestId(ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        string? requestId = null;
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("requestId"u8))
            {
                reader.Read();
                requestId = reader.TokenType is JsonTokenType.String or JsonTokenType.Number ? RawText(ref reader, line) : null;
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return requestId;
    }

    // The id as a JSON value, not as text: a reply may escape the same string differently ("a+b" comes back as
    // "a\u002Bb"), so strings are unescaped and numbers normalised before they are compared.
    private static string RawText(ref Utf8JsonReader reader, ReadOnlySpan<byte> line) =>
        reader.TokenType == JsonTokenType.String
            ? "\"" + reader.GetString() + "\""
            : reader.TryGetInt64(out var number)
                ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Encoding.UTF8.GetString(line.Slice((int)reader.TokenStartIndex, reader.ValueSpan.Length));
}
