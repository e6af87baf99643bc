namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>How a user or a model names a workbook: its UUID, its urlId, or a Sigma URL such as
/// <c>https://app.sigmacomputing.com/acme/workbook/Revenue-Dashboard-57a96EMo3GVJG73179MV2l?:nodeId=x</c>.</summary>
internal sealed record WorkbookReference(string? WorkbookId, string? UrlId)
{
    /// <exception cref="ArgumentException">The text is empty or a URL without a workbook in it.</exception>
    public static WorkbookReference Parse(string reference)
    {
        var text = reference?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new ArgumentException("A workbook id, urlId or URL is required.", nameof(reference));
        }

        if (Guid.TryParse(text, out var id))
        {
            return new(id.ToString("D"), null);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var at = Array.FindIndex(segments, s => s.Equals("workbook", StringComparison.OrdinalIgnoreCase));
            if (at < 0 || at + 1 >= segments.Length)
            {
                throw new ArgumentException($"'{text}' is not a Sigma workbook URL (expected .../workbook/<name>-<urlId>).", nameof(reference));
            }

            // The slug is the workbook's name, dashes for spaces, then the urlId after the last dash.
            var slug = Uri.UnescapeDataString(segments[at + 1]);
            return new(null, slug[(slug.LastIndexOf('-') + 1)..]);
        }

        return new(null, text);
    }
}
