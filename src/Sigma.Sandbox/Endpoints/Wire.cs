using System.Globalization;
using System.Text.Json.Nodes;
using Sigma.Sandbox.Http;

namespace Sigma.Sandbox.Endpoints;

/// <summary>Small wire-format helpers shared by the endpoints.</summary>
internal static class Wire
{
    private const string AppHost = "https://app.sigmacomputing.com";

    /// <summary>Sigma's timestamp shape: <c>2024-04-15T13:44:51.477Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Timestamp(DateTimeOffset? value) => value is { } v ? Timestamp(v) : null;

    /// <summary>A link into the Sigma app, e.g. <c>https://app.sigmacomputing.com/acme/workbook/{urlId}</c>.</summary>
    public static string AppUrl(SandboxData data, string kind, string urlId) => $"{AppHost}/{data.OrganizationSlug}/{kind}/{urlId}";

    /// <summary>A column's type as live tenants send it: an object, <c>{"type": "text"}</c>, not the string the docs show.</summary>
    public static JsonObject ColumnType(string type) => new() { ["type"] = type };

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    /// <summary>Sigma requires UUID ids on these paths and answers 400 for anything else.</summary>
    public static void RequireUuid(string value, string name)
    {
        if (!Guid.TryParseExact(value, "D", out _))
        {
            throw ApiException.BadRequest($"{name} must be a valid UUID.");
        }
    }
}
