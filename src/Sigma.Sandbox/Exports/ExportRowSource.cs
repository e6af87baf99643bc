using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Exports;

/// <summary>
/// The rows an export yields, as Sigma computes them: the element's rows filtered by the export's control values, then,
/// for a chart or pivot table, grouped by its text columns with its number columns summed (one row per group, in key
/// order), then the <c>offset</c>/<c>rowLimit</c> window. A plain, unfiltered table is produced by index alone, so any
/// window of a 50,000-row table costs only its own rows.
/// </summary>
internal static class ExportRowSource
{
    public static bool IsGrouped(SandboxElement element) => element.Type is "visualization" or "pivot-table";

    public static IEnumerable<CellValue[]> Rows(ExportJob job)
    {
        SandboxElement element = job.Element;
        var values = new RowValueGenerator(element.ElementId, element.Columns, job.Today, job.NoteLength);
        IEnumerable<CellValue[]> rows = IsGrouped(element) ? Grouped(element, values, job.Filter)
            : job.Filter.IsEmpty ? Window(element, values, job.Offset, job.RowLimit)
            : Filtered(element, values, job.Filter);
        if (IsGrouped(element) || !job.Filter.IsEmpty)
        {
            rows = rows.Skip((int)Math.Min(job.Offset, int.MaxValue));
            if (job.RowLimit is { } limit)
            {
                rows = rows.Take((int)Math.Min(limit, int.MaxValue));
            }
        }

        return rows;
    }

    private static IEnumerable<CellValue[]> Window(SandboxElement element, RowValueGenerator values, long offset, long? rowLimit)
    {
        long end = Math.Min(element.RowCount, rowLimit is { } limit ? offset + limit : long.MaxValue);
        for (long row = offset; row < end; row++)
        {
            yield return Row(element, values, row);
        }
    }

    private static IEnumerable<CellValue[]> Filtered(SandboxElement element, RowValueGenerator values, RowFilter filter)
    {
        for (long row = 0; row < element.RowCount; row++)
        {
            if (filter.Matches(values, row))
            {
                yield return Row(element, values, row);
            }
        }
    }

    private static List<CellValue[]> Grouped(SandboxElement element, RowValueGenerator values, RowFilter filter)
    {
        int columns = element.Columns.Count;
        bool[] isMeasure = [.. element.Columns.Select(c => c.Type == "number")];
        var groups = new SortedDictionary<string, CellValue[]>(StringComparer.Ordinal);
        for (long row = 0; row < element.RowCount; row++)
        {
            if (!filter.Matches(values, row))
            {
                continue;
            }

            CellValue[] cells = Row(element, values, row);
            string key = string.Join('\u001f', cells.Where((_, c) => !isMeasure[c]).Select(v => v.Text));
            if (!groups.TryGetValue(key, out CellValue[]? group))
            {
                groups[key] = cells;
                continue;
            }

            for (int c = 0; c < columns; c++)
            {
                if (isMeasure[c])
                {
                    group[c] = CellValue.OfNumber(group[c].Number + cells[c].Number);
                }
            }
        }

        return [.. groups.Values];
    }

    private static CellValue[] Row(SandboxElement element, RowValueGenerator values, long row)
    {
        var cells = new CellValue[element.Columns.Count];
        for (int c = 0; c < cells.Length; c++)
        {
            cells[c] = values.Value(c, row);
        }

        return cells;
    }
}
