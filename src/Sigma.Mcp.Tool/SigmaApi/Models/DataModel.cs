namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>
/// A data model. Some tenants list it with <c>urlId</c> instead of <c>dataModelUrlId</c>, and without
/// <c>ownerId</c>, <c>path</c> or <c>latestVersion</c> (see docs/sigma-recorded-shapes.md).
/// </summary>
internal sealed record DataModel(
    string DataModelId,
    string DataModelUrlId,
    string Name,
    string? Url,
    string? Path,
    int LatestVersion,
    string? OwnerId,
    string? CreatedBy,
    string? UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool? IsArchived = null,
    string? Description = null,
    IReadOnlyList<DataModelTag>? Tags = null,
    string? UrlId = null)
{
    /// <summary>The urlId under either name, or the last segment of the URL when both are missing (unless that is the UUID).</summary>
    public string? AnyUrlId => NonEmpty(DataModelUrlId) ?? NonEmpty(UrlId) ?? (LastSegment(Url) is { } last && last != DataModelId ? last : null);

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    internal static string? LastSegment(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Segments.Length > 1 ? NonEmpty(uri.Segments[^1].TrimEnd('/')) : null;
}
