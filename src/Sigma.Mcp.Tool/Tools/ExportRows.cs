using System.Text;
using System.Text.Json;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Turns an export file into columns and rows. Exports are always asked of Sigma as JSON lines, where one line is one
/// record whatever the cells hold, so a file cut at a line break is cut at a record boundary; CSV is rendered here.
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

    /// <summary>
    /// A lone row larger than <paramref name="maxBytes"/> with its longest text cells cut to fit, each ending in a
    /// mark that says how long it was; the number of cells shortened (0 when the rows fit as they are).
    /// </summary>
    public static int ShortenToFit(List<IReadOnlyList<JsonElement>> rows, int maxBytes)
    {
        if (rows.Count != 1)
        {
            return 0;
        }

        var row = rows[0];
        var size = row.Sum(Size);
        if (size <= maxBytes)
        {
            return 0;
        }

        // Every text cell gets an equal share of what is left once the other cells are counted.
        var texts = row.Count(c => c.ValueKind == JsonValueKind.String);
        var share = Math.Max(64, (maxBytes - row.Where(c => c.ValueKind != JsonValueKind.String).Sum(Size)) / Math.Max(1, texts));
        var shortened = 0;
        var cells = new JsonElement[row.Count];
        for (var i = 0; i < row.Count; i++)
        {
            cells[i] = row[i];
            if (row[i].ValueKind == JsonValueKind.String && row[i].GetString() is { } text && Encoding.UTF8.GetByteCount(text) > share)
            {
                var keep = Math.Max(0, Math.Min(text.Length, (share / 3) - 40));
                var cut = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text[..keep]}… [shortened from {text.Length} characters]");
                cells[i] = JsonSerializer.SerializeToElement(cut, ToolJsonContext.Default.String);
                shortened++;
            }
        }

        rows[0] = cells;
        return shortened;
    }

    /// <summary>The rows as RFC 4180 CSV with a header: fields with commas, quotes or line breaks are quoted.</summary>
    public static string ToCsv(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<JsonElement>> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The rows as JSON lines, one object per row, columns in order.</summary>
    public static string ToJsonLines(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<JsonElement>> rows)
    {
        using var buffer = new MemoryStream();
        foreach (var row in rows)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (row[i].ValueKind != JsonValueKind.Undefined)
                    {
                        json.WritePropertyName(columns[i]);
                        row[i].WriteTo(json);
                    }
                }

                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Undefined or JsonValueKind.Null => "",
        JsonValueKind.Object or JsonValueKind.Array => Quote(value.GetRawText()),
        _ => value.GetRawText(),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static int Size(JsonElement cell) => cell.ValueKind == JsonValueKind.Undefined ? 1 : Encoding.UTF8.GetByteCount(cell.GetRawText()) + 1;
}
