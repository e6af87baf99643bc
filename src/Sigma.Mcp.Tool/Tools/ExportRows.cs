using System.Text.Json;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Turns an export file into columns and rows. Exports are always asked of Sigma as JSON lines, where one line is one
/// record whatever its cells hold (a CSV field may hold line breaks), so a file cut at a line break is cut at a record
/// boundary; CSV is rendered here.
/// </summary>
internal static class ExportRows
{
    public static (List<string> Columns, List<IReadOnlyList<JsonElement>> Rows) FromJsonLines(string content)
    {
        var columns = new List<string>();
        var objects = new List<JsonElement>();
        foreach (var line in content.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var row = JsonDocument.Parse(line).RootElement.Clone();
            foreach (var property in row.EnumerateObject().Where(p => !columns.Contains(p.Name)))
            {
                columns.Add(property.Name);
            }

            objects.Add(row);
        }

        var rows = objects.Select(o => (IReadOnlyList<JsonElement>)[.. columns.Select(c => o.TryGetProperty(c, out var v) ? v : default)]).ToList();
        return (columns, rows);
    }

    /// <summary>The rows with every value as text, as a CSV export gives them (null as empty).</summary>
    public static List<IReadOnlyList<JsonElement>> AsText(List<IReadOnlyList<JsonElement>> rows) =>
        [.. rows.Select(r => (IReadOnlyList<JsonElement>)[.. r.Select(v => v.ValueKind == JsonValueKind.String
            ? v
            : JsonSerializer.SerializeToElement(v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? "" : v.GetRawText(), ToolJsonContext.Default.String))])];

    /// <summary>
    /// The first row with its text cells cut so that the row takes about <paramref name="maxChars"/>, each ending in a
    /// mark that says how long it was, and how many cells were cut. For a row too large for any response on its own.
    /// </summary>
    public static (IReadOnlyList<JsonElement> Row, int Shortened) ShortenFirst(List<IReadOnlyList<JsonElement>> rows, int maxChars)
    {
        var row = rows[0];
        var texts = Math.Max(1, row.Count(c => c.ValueKind == JsonValueKind.String));
        var share = Math.Max(64, (maxChars - row.Where(c => c.ValueKind != JsonValueKind.String).Sum(c => c.GetRawText().Length + 1)) / texts);
        var shortened = 0;
        var cells = new JsonElement[row.Count];
        for (var i = 0; i < row.Count; i++)
        {
            cells[i] = row[i];
            if (row[i].ValueKind == JsonValueKind.String && row[i].GetString() is { } text && row[i].GetRawText().Length > share)
            {
                // Escaping can make a character cost several in JSON: keep a third of the share in characters.
                var keep = Math.Max(0, Math.Min(text.Length, (share / 3) - 40));
                var cut = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text[..keep]}… [shortened from {text.Length} characters]");
                cells[i] = JsonSerializer.SerializeToElement(cut, ToolJsonContext.Default.String);
                shortened++;
            }
        }

        return (cells, shortened);
    }

    /// <summary>Columns and rows as CSV (RFC 4180 quoting), the compact text form of an export whatever its format.</summary>
    public static string ToCsv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<JsonElement>> rows)
    {
        var text = new System.Text.StringBuilder();
        text.AppendJoin(',', columns.Select(Quote));
        foreach (var row in rows)
        {
            text.Append('\n').AppendJoin(',', row.Select(Cell));
        }

        return text.ToString();
    }

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => Quote(value.GetRawText()),
    };

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
