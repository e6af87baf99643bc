using System.Globalization;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>A count with its noun in the right number, for messages people read: "1 workbook", "0 workbooks", "2,345 workbooks".</summary>
internal static class Counted
{
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
