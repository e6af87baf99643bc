using System.Globalization;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>
/// Values of exported rows, computed from (element, column, row index) alone so that any window
/// (<c>offset</c>/<c>rowLimit</c>) of a 50,000-row export is produced without building the rows before it.
/// </summary>
internal sealed class RowValueGenerator
{
    private const int DaysOfData = 730;
    private static readonly string[] s_regions = ["North America", "EMEA", "APAC", "LATAM"];
    private static readonly string[] s_segments = ["Enterprise", "Mid-Market", "SMB"];
    private static readonly string[] s_categories = ["Hardware", "Software", "Services", "Accessories", "Subscriptions"];
    private static readonly string[] s_customers =
    [
        "Acme Corp", "Globex", "Initech", "Umbrella Co", "Hooli", "Smith, Jones & Co", "Vandelay Industries",
        "Wonka Industries", "Soylent", "Cyberdyne Systems", "Massive Dynamic", "Pied Piper",
    ];

    private readonly ColumnKind[] _kinds;
    private readonly ulong[] _salts;
    private readonly DateOnly _firstDate;
    private readonly int _noteLength;

    /// <param name="elementId">The element whose rows these are.</param>
    /// <param name="columns">Its columns.</param>
    /// <param name="lastDate">The latest date in the data (the sandbox's today), so that "the last 30 days" holds rows; dates span the two years up to it.</param>
    /// <param name="noteLength">Length of free-text notes added to text cells (0 for none).</param>
    public RowValueGenerator(string elementId, IReadOnlyList<SandboxColumn> columns, DateOnly lastDate, int noteLength = 0)
    {
        _firstDate = lastDate.AddDays(1 - DaysOfData);
        _kinds = [.. columns.Select(c => Classify(c.Label, c.Type))];
        _salts = [.. columns.Select(c => DeterministicRandom.Hash(elementId + "/" + c.Label))];
        _noteLength = noteLength;
    }

    private enum ColumnKind
    {
        Text, Number, Integer, Ratio, Date, Region, Segment, Category, Customer, CustomerId, OrderId,
    }

    public CellValue Value(int column, long row)
    {
        var value = BaseValue(column, row);
        return _noteLength > 0 && _kinds[column] is ColumnKind.Customer or ColumnKind.Text ? CellValue.OfText(value.Text + Note(row)) : value;
    }

    // Free text as people type it: quotes, commas and line breaks, about _noteLength characters.
    private string Note(long row)
    {
        var sentence = string.Create(CultureInfo.InvariantCulture, $" / note {row}: \"rush\", call back,\nthen ship; ");
        var note = new System.Text.StringBuilder(_noteLength + sentence.Length);
        while (note.Length < _noteLength)
        {
            note.Append(sentence);
        }

        return note.ToString(0, _noteLength);
    }

    private CellValue BaseValue(int column, long row)
    {
        ulong h = Mix(_salts[column] ^ (ulong)row);
        return _kinds[column] switch
        {
            ColumnKind.Date => CellValue.OfText(_firstDate.AddDays((int)(h % DaysOfData)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ColumnKind.Region => CellValue.OfText(s_regions[h % (ulong)s_regions.Length]),
            ColumnKind.Segment => CellValue.OfText(s_segments[h % (ulong)s_segments.Length]),
            ColumnKind.Category => CellValue.OfText(s_categories[h % (ulong)s_categories.Length]),
            ColumnKind.Customer => CellValue.OfText(s_customers[h % (ulong)s_customers.Length]),
            ColumnKind.CustomerId => CellValue.OfText(string.Create(CultureInfo.InvariantCulture, $"C-{h % 50_000:D6}")),
            ColumnKind.OrderId => CellValue.OfText(string.Create(CultureInfo.InvariantCulture, $"ORD-{row + 100_000:D7}")),
            ColumnKind.Integer => CellValue.OfNumber(h % 500),
            ColumnKind.Ratio => CellValue.OfNumber(Math.Round((h % 10_000) / 10_000m, 4)),
            ColumnKind.Number => CellValue.OfNumber((h % 10_000_000) / 100m),
            _ => CellValue.OfText(string.Create(CultureInfo.InvariantCulture, $"Value {h % 24 + 1}")),
        };
    }

    private static ColumnKind Classify(string label, string type) => label switch
    {
        "Region" => ColumnKind.Region,
        "Segment" => ColumnKind.Segment,
        "Product Category" => ColumnKind.Category,
        "Customer Name" => ColumnKind.Customer,
        "Customer Id" => ColumnKind.CustomerId,
        "Order Id" => ColumnKind.OrderId,
        _ when type == "datetime" => ColumnKind.Date,
        _ when type != "number" => ColumnKind.Text,
        _ when label.Contains('%', StringComparison.Ordinal) || label.EndsWith("Rate", StringComparison.Ordinal) => ColumnKind.Ratio,
        _ when label.Contains("Count", StringComparison.Ordinal) || label is "Quantity" or "Headcount" => ColumnKind.Integer,
        _ => ColumnKind.Number,
    };

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
