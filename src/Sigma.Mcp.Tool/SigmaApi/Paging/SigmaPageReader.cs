using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sigma.Mcp.Tool.SigmaApi.Paging;

/// <summary>Reads one page, in any of Sigma's shapes, from a response body.</summary>
internal static class SigmaPageReader
{
    public static async Task<SigmaPage<T>> ReadAsync<T>(Stream body, JsonTypeInfo<T> entryType, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = document.RootElement;
        JsonElement entries;
        string? next = null;
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                entries = root; // a bare array is the whole list
                break;
            case JsonValueKind.Object when root.TryGetProperty("entries", out entries) && entries.ValueKind == JsonValueKind.Array:
                next = Token(root, "nextPage") ?? Token(root, "nextPageToken");
                break;
            default:
                throw new JsonException("Expected a JSON array or an object with an 'entries' array.");
        }

        var items = new List<T>(entries.GetArrayLength());
        foreach (var entry in entries.EnumerateArray())
        {
            items.Add(entry.Deserialize(entryType) ?? throw new JsonException("A list entry was null."));
        }

        return new SigmaPage<T>(items, next);
    }

    // Tokens are opaque: a string, or a number some endpoints send, kept as text; empty means none.
    private static string? Token(JsonElement page, string name) =>
        page.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;
}
