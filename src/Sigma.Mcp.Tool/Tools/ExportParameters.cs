using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;
using ModelContextProtocol;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Turns export <c>parameters</c> and <c>date_filter</c> into the control values Sigma takes, reading the workbook's
/// controls once. Keys are checked before the export starts: Sigma ignores a parameter that names no control, so a typo
/// would silently return unfiltered rows.
/// </summary>
internal static partial class ExportParameters
{
    /// <exception cref="McpException">
    /// A key is not a control id of the workbook (the message lists the valid ones), or date_filter has no single date
    /// control to go to.
    /// </exception>
    public static async Task<Dictionary<string, string>> ResolveAsync(
        SigmaClient sigma, string workbookId, IReadOnlyDictionary<string, string>? parameters, string? dateFilter, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var hasDateFilter = !string.IsNullOrWhiteSpace(dateFilter);
        if (values.Count == 0 && !hasDateFilter)
        {
            return values;
        }

        var range = hasDateFilter ? DateRange(dateFilter!) : null;
        List<WorkbookControl>? controls = null;
        ExceptionDispatchInfo? listingFailed = null;
        try
        {
            controls = await sigma.ListWorkbookControlsAsync(workbookId, cancellationToken).ToListAsync(cancellationToken);
        }
        catch (SigmaApiException ex)
        {
            // The controls are unknown (e.g. 403 on the list): parameters go as given, and the export says what is wrong.
            listingFailed = ExceptionDispatchInfo.Capture(ex);
        }

        if (controls is not null)
        {
            CheckKeys(values.Keys, controls.Select(c => c.ControlId ?? c.Name).ToList());
        }

        if (range is not null)
        {
            if (controls is null)
            {
                listingFailed!.Throw();
            }

            values[DateControl(controls!)] = range;
        }

        return values;
    }

    private static void CheckKeys(IEnumerable<string> keys, List<string> controls)
    {
        var unknown = keys.Where(n => !controls.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new McpException(controls.Count == 0
                ? $"parameters {string.Join(", ", unknown.Select(n => $"'{n}'"))} match no control: this workbook has no controls. Leave parameters out."
                : $"parameters {string.Join(", ", unknown.Select(n => $"'{n}'"))} match no control of this workbook; its control ids are {string.Join(", ", controls)} (describe_workbook lists them with their types).");
        }
    }

    private static string DateControl(List<WorkbookControl> controls)
    {
        var dates = controls.Where(c => c.ValueType?.Contains("date", StringComparison.OrdinalIgnoreCase) == true).ToList();
        return dates.Count switch
        {
            1 => dates[0].ControlId ?? dates[0].Name,
            0 when controls.Count == 0 => "p_datefilter", // the original server's control id
            0 => throw new McpException($"The workbook has no date control for date_filter; its controls are {string.Join(", ", controls.Select(c => c.ControlId ?? c.Name))}. Use 'parameters' instead."),
            _ => throw new McpException($"The workbook has several date controls ({string.Join(", ", dates.Select(c => c.ControlId ?? c.Name))}); set one with 'parameters' instead of date_filter."),
        };
    }

    // The original server's mapping: 'last-N-days' means from N days ago to now; explicit min:/max: passes through.
    private static string DateRange(string filter)
    {
        var text = filter.Trim();
        if (LastDays().Match(text) is { Success: true } m)
        {
            return $"min:last-day-{m.Groups[1].Value},max:";
        }

        return text.Contains("min:", StringComparison.Ordinal) || text.Contains("max:", StringComparison.Ordinal)
            ? text
            : throw ToolArguments.Invalid(ToolNames.ExportData, "date_filter", $"'date_filter' '{filter}' is not understood: use 'last-30-days' or 'min:2026-01-01,max:2026-01-31'.");
    }

    [GeneratedRegex("^last-(\\d{1,4})-days?$", RegexOptions.IgnoreCase)]
    private static partial Regex LastDays();
}
