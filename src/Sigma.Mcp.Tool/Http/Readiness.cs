namespace Sigma.Mcp.Tool.Http;

/// <summary>The body of <c>/readyz</c>.</summary>
/// <param name="Status">
/// <c>ready</c> (HTTP 200) when the search index is loaded from the cache, else <c>not_ready</c> (HTTP 503). Sigma's
/// state is a detail: search answers from the cache while Sigma is down, so a blip must not take every instance out.
/// </param>
/// <param name="Sigma"><c>ok</c> when Sigma answered <c>whoami</c> within the last minute, else <c>failing</c>.</param>
/// <param name="SearchIndex">The index state: <c>loading</c>, <c>empty</c>, <c>ready</c> or <c>unavailable</c>.</param>
/// <param name="Documents">Documents in the index.</param>
/// <param name="Reason">Why it is not ready; null when ready.</param>
/// <param name="SigmaProblem">What is wrong with Sigma when <paramref name="Sigma"/> is <c>failing</c>.</param>
internal sealed record Readiness(string Status, string Sigma, string SearchIndex, int Documents, string? Reason, string? SigmaProblem = null);
