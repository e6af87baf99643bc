namespace Sigma.Mcp.Tool.Http;

/// <summary>The body of <c>/readyz</c>.</summary>
/// <param name="Status"><c>ready</c> (HTTP 200) or <c>not_ready</c> (HTTP 503).</param>
/// <param name="Sigma"><c>ok</c> when Sigma answered <c>whoami</c> within the last minute, else <c>failing</c>.</param>
/// <param name="SearchIndex">The index state: <c>loading</c>, <c>empty</c>, <c>ready</c> or <c>unavailable</c>.</param>
/// <param name="Documents">Documents in the index.</param>
/// <param name="Reason">Why it is not ready; null when ready.</param>
internal sealed record Readiness(string Status, string Sigma, string SearchIndex, int Documents, string? Reason);
