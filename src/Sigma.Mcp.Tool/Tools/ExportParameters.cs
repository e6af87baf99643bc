using ModelContextProtocol;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Checks export <c>parameters</c> against the workbook's controls before the export starts: Sigma ignores a parameter
/// that names no control, so a typo would silently return unfiltered rows.
/// </summary>
internal static class ExportParameters
{
    /// <exception cref="McpException">A key is not a control id of the workbook; the message lists the valid ones.</exception>
    public static async Task CheckAsync(SigmaClient sigma, string workbookId, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var names = keys.ToList();
        if (names.Count == 0)
        {
            return;
        }

        List<string> controls;
        try
        {
            controls = await sigma.ListWorkbookControlsAsync(workbookId, cancellationToken)
                .Select(c => c.ControlId ?? c.Name).ToListAsync(cancellationToken);
        }
        catch (SigmaApiException)
        {
            return; // the controls are unknown (e.g. 403 on the list): the export itself says what is wrong, if anything
        }

        var unknown = names.Where(n => !controls.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new McpException(controls.Count == 0
                ? $"parameters {string.Join(", ", unknown.Select(n => $"'{n}'"))} match no control: this workbook has no controls. Leave parameters out."
                : $"parameters {string.Join(", ", unknown.Select(n => $"'{n}'"))} match no control of this workbook; its control ids are {string.Join(", ", controls)} (describe_workbook lists them with their types).");
        }
    }
}
