using System.Text;

namespace Sigma.Sandbox.Generation;

/// <summary>Derives a column's Sigma type and warehouse name from its display label, so both stay consistent.</summary>
internal static class ColumnCatalog
{
    private static readonly string[] s_dateWords = ["Date", "Month", "Week Start"];
    private static readonly string[] s_numberWords =
    [
        "Revenue", "Expense", "Margin", "Budget", "Actuals", "Variance", "Outstanding", "Leads", "MQLs", "SQLs", "Rate",
        "Spend", "Cost", "Sessions", "Value", "Bookings", "Quota", "Count", "Size", "Shipped", "Backlog", "%", "Days",
        "Users", "Score", "NPS", "Opened", "Hours", "ARR", "Headcount", "Roles", "Accepted", "Salary", "Units", "Supply",
        "Stockouts", "Credits", "Seconds", "Runs", "TB", "Quantity", "Price", "Discount", "Amount",
    ];

    /// <summary><c>datetime</c>, <c>number</c> or <c>text</c>; ids and names are text even when they contain a number word.</summary>
    public static string TypeOf(string label)
    {
        if (label.EndsWith(" Id", StringComparison.Ordinal) || label.EndsWith(" Name", StringComparison.Ordinal))
        {
            return "text";
        }

        if (s_dateWords.Any(w => label.Contains(w, StringComparison.Ordinal)))
        {
            return "datetime";
        }

        return s_numberWords.Any(w => label.Contains(w, StringComparison.Ordinal)) ? "number" : "text";
    }

    /// <summary>"Gross Margin %" becomes <c>GROSS_MARGIN_PCT</c>, "On-time %" becomes <c>ON_TIME_PCT</c>.</summary>
    public static string ToWarehouseName(string label)
    {
        var builder = new StringBuilder(label.Length + 4);
        foreach (char c in label.Replace("%", "Pct", StringComparison.Ordinal))
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().TrimEnd('_');
    }

    /// <summary>True for measures, which visualizations aggregate.</summary>
    public static bool IsMeasure(string label) => TypeOf(label) == "number";
}
