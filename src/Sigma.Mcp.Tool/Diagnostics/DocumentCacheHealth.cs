using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.Diagnostics;

/// <summary>
/// Where the document cache lives and what it holds. <c>state</c> is <c>ready</c>, <c>empty</c> (never refreshed),
/// <c>unavailable</c> (the backend failed) or <c>unknown</c> (Sigma did not say which organization to look up).
/// </summary>
internal sealed record DocumentCacheHealth(
    [property: JsonPropertyName("backend")] string Backend,
    [property: JsonPropertyName("location")] string Location,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("generation")] long? Generation,
    [property: JsonPropertyName("workbooks_count")] int WorkbooksCount,
    [property: JsonPropertyName("data_models_count")] int DataModelsCount,
    [property: JsonPropertyName("datasets_count")] int DatasetsCount,
    [property: JsonPropertyName("elements_count")] int ElementsCount,
    [property: JsonPropertyName("last_updated")] string LastUpdated,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings);
