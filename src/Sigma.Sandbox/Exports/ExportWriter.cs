using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Exports;

/// <summary>
/// Writes an export file row by row: CSV with a header row, JSON as an array of row objects, JSONL as one object per
/// line. Keys and headers are the element's column labels.
/// </summary>
internal static class ExportWriter
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Json => "application/json; charset=utf-8",
        _ => "application/jsonl; charset=utf-8",
    };

    public static async Task WriteAsync(ExportJob job, Stream output, CancellationToken cancellationToken)
    {
        var chunks = new ChunkedOutput(output, cancellationToken);
        IReadOnlyList<SandboxColumn> columns = job.Element.Columns;
        var values = new RowValueGenerator(job.Element.ElementId, columns, job.NoteLength);
        if (job.Format == ExportFormat.Csv)
        {
            chunks.Append(string.Join(',', columns.Select(c => Csv(c.Label))) + "\n");
        }

        using var json = new Utf8JsonWriter(chunks.Buffer, s_options);
        if (job.Format == ExportFormat.Json)
        {
            chunks.Append((byte)'[');
        }

        var line = new StringBuilder();
        for (long i = 0; i < job.RowCount; i++)
        {
            long row = job.Offset + i;
            if (job.Format == ExportFormat.Csv)
            {
                line.Clear();
                for (int c = 0; c < columns.Count; c++)
                {
                    line.Append(c == 0 ? string.Empty : ",").Append(CsvCell(values.Value(c, row)));
                }

                chunks.Append(line.Append('\n').ToString());
            }
            else
            {
                if (job.Format == ExportFormat.Json && i > 0)
                {
                    chunks.Append((byte)',');
                }

                WriteObject(json, columns, values, row);
                if (job.Format == ExportFormat.Jsonl)
                {
                    chunks.Append((byte)'\n');
                }
            }

            await chunks.FlushIfFullAsync();
        }

        if (job.Format == ExportFormat.Json)
        {
            chunks.Append((byte)']');
        }

        await chunks.FlushAsync();
    }

    private static void WriteObject(Utf8JsonWriter json, IReadOnlyList<SandboxColumn> columns, RowValueGenerator values, long row)
    {
        json.WriteStartObject();
        for (int c = 0; c < columns.Count; c++)
        {
            CellValue cell = values.Value(c, row);
            if (cell.IsNumber)
            {
                json.WriteNumber(columns[c].Label, cell.Number);
            }
            else
            {
                json.WriteString(columns[c].Label, cell.Text);
            }
        }

        json.WriteEndObject();

        // Flush into the shared buffer and reset, so the next row starts a fresh top-level value.
        json.Flush();
        json.Reset();
    }

    private static string CsvCell(CellValue cell) =>
        cell.IsNumber ? cell.Number.ToString(CultureInfo.InvariantCulture) : Csv(cell.Text ?? string.Empty);

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
