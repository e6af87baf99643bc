using System.Text.Json;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>Turns an export file (CSV with a header, or JSON lines) into columns and rows.</summary>
internal static class ExportRows
{
    public static (List<string> Columns, List<IReadOnlyList<JsonElement>> Rows) FromCsv(string content)
    {
        var lines = SplitRecords(content);
        if (lines.Count == 0)
        {
            return ([], []);
        }

        var columns = lines[0];
        var rows = lines.Skip(1).Select(r => (IReadOnlyList<JsonElement>)[.. r.Select(v => JsonSerializer.SerializeToElement(v, ToolJsonContext.Default.String))]).ToList();
        return (columns, rows);
    }

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

    // RFC 4180: quoted fields may hold commas, doubled quotes and line breaks.
    private static List<List<string>> SplitRecords(string content)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                records.Add(record);
                (record, field) = ([], field.Clear());
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
