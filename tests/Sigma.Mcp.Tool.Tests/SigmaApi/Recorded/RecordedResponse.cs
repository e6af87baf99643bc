using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Recorded;

/// <summary>One response of a recorded tenant: what Sigma answered to <c>Method Path[?Query]</c>.</summary>
internal sealed record RecordedResponse(
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("body")] JsonElement Body,
    [property: JsonPropertyName("recorded")] bool Recorded = true,
    [property: JsonPropertyName("note")] string? Note = null)
{
    /// <summary>True when this response answers the request: same method and path, and the query parameter it names, if any.</summary>
    public bool Answers(string method, string path, string query) =>
        string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Path, path, StringComparison.Ordinal)
        && (Query is null || query.TrimStart('?').Split('&').Contains(Query, StringComparer.Ordinal));

    public override string ToString() => $"{Method} {Path}{(Query is null ? "" : "?" + Query)} → {Status}";
}
