using System.Globalization;
using Sigma.Sandbox.Generation;
using Sigma.Sandbox.Http;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Exports;

/// <summary>
/// The control values of an export, applied to an element's rows as Sigma applies a workbook's controls: a list or text
/// control keeps rows whose column of the control's name holds one of the comma-separated values; a date-range control
/// (<c>min:2025-01-01,max:2025-01-31</c>, or <c>min:last-day-30,max:</c>) keeps rows whose first date column is in range;
/// a number control keeps rows whose number column of its name equals the value or is within <c>min:</c>/<c>max:</c>.
/// A control that targets no column of the element leaves it alone, and a parameter that names no control of the
/// workbook is ignored, as Sigma does not reject it.
/// </summary>
internal sealed class RowFilter
{
    private readonly List<Func<RowValueGenerator, long, bool>> _tests = [];

    private RowFilter()
    {
    }

    /// <summary>True when no control value applies to the element: every row passes.</summary>
    public bool IsEmpty => _tests.Count == 0;

    /// <exception cref="ApiException">A value is malformed for its control's type (400, as Sigma answers).</exception>
    public static RowFilter Create(IReadOnlyDictionary<string, string> parameters, IReadOnlyList<SandboxControl> controls, SandboxElement element, DateTimeOffset now)
    {
        var filter = new RowFilter();
        foreach (var (controlId, value) in parameters)
        {
            SandboxControl? control = controls.FirstOrDefault(c => c.ControlId == controlId);
            if (control is null || value is ":null" or ":empty" or "")
            {
                continue;
            }

            int column = control.ValueType.StartsWith("date", StringComparison.Ordinal)
                ? IndexOf(element, c => c.Type == "datetime")
                : IndexOf(element, c => string.Equals(c.Label, control.Name, StringComparison.OrdinalIgnoreCase));
            if (column < 0)
            {
                continue;
            }

            filter._tests.Add(control.ValueType switch
            {
                var t when t.StartsWith("date", StringComparison.Ordinal) => DateTest(column, value, now, controlId),
                "number" or "number-range" => NumberTest(column, value, controlId),
                "boolean" => (_, _) => true,
                _ => ListTest(column, value),
            });
        }

        return filter;
    }

    public bool Matches(RowValueGenerator values, long row)
    {
        foreach (var test in _tests)
        {
            if (!test(values, row))
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOf(SandboxElement element, Func<SandboxColumn, bool> predicate)
    {
        for (int i = 0; i < element.Columns.Count; i++)
        {
            if (predicate(element.Columns[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static Func<RowValueGenerator, long, bool> ListTest(int column, string value)
    {
        var allowed = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (values, row) => values.Value(column, row).Text is { } text && allowed.Contains(text);
    }

    private static Func<RowValueGenerator, long, bool> DateTest(int column, string value, DateTimeOffset now, string controlId)
    {
        var (min, max) = Range<int>(value, controlId, text =>
            text.StartsWith("last-day-", StringComparison.Ordinal) && int.TryParse(text["last-day-".Length..], CultureInfo.InvariantCulture, out int days)
                ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(-days).DayNumber
                : DateOnly.TryParse(text, CultureInfo.InvariantCulture, out DateOnly date) ? date.DayNumber : (int?)null);
        return (values, row) => DateOnly.TryParse(values.Value(column, row).Text, CultureInfo.InvariantCulture, out DateOnly date)
            && date.DayNumber >= (min ?? int.MinValue) && date.DayNumber <= (max ?? int.MaxValue);
    }

    private static Func<RowValueGenerator, long, bool> NumberTest(int column, string value, string controlId)
    {
        static decimal? Parse(string text) => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal n) ? n : null;
        if (!value.Contains(':', StringComparison.Ordinal))
        {
            decimal exact = Parse(value) ?? throw ApiException.BadRequest($"Parameter {controlId}: '{value}' is not a number.");
            return (values, row) => values.Value(column, row).Number == exact;
        }

        var (min, max) = Range<decimal>(value, controlId, Parse);
        return (values, row) => values.Value(column, row).Number is var n && n >= (min ?? decimal.MinValue) && n <= (max ?? decimal.MaxValue);
    }

    /// <summary>Reads <c>min:A,max:B</c> (either bound may be empty).</summary>
    private static (T? Min, T? Max) Range<T>(string value, string controlId, Func<string, T?> parse)
        where T : struct
    {
        T? min = null, max = null;
        foreach (string part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = part.IndexOf(':', StringComparison.Ordinal);
            string bound = colon < 0 ? "" : part[..colon];
            string text = colon < 0 ? part : part[(colon + 1)..];
            if (text.Length == 0)
            {
                continue;
            }

            T parsed = parse(text) ?? throw ApiException.BadRequest($"Parameter {controlId}: '{text}' is not a valid bound in '{value}'.");
            switch (bound)
            {
                case "min":
                    min = parsed;
                    break;
                case "max":
                    max = parsed;
                    break;
                default:
                    throw ApiException.BadRequest($"Parameter {controlId}: '{value}' is not 'min:…,max:…'.");
            }
        }

        return (min, max);
    }
}
