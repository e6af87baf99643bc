using System.Text.Json.Serialization;

namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>An entry of <c>GET /v2/files</c>: any document or folder, with its place in the tree.</summary>
internal sealed record SigmaFile(
    string Id,
    string UrlId,
    string Name,
    string Type,
    string? ParentId,
    string? ParentUrlId,
    string? Path,
    string? Badge,
    bool IsArchived,
    string? Description,
    string? OwnerId,
    string? CreatedBy,
    string? UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Permission = null);

/// <summary>A workbook from <c>GET /v2/workbooks</c> or <c>/v2/workbooks/{id}</c>.</summary>
internal sealed record Workbook(
    string WorkbookId,
    string WorkbookUrlId,
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
    IReadOnlyList<WorkbookTag>? Tags = null);

/// <summary>A version tag on a workbook.</summary>
internal sealed record WorkbookTag(string? VersionTagId, string Name, int? SourceWorkbookVersion = null, DateTimeOffset? WorkbookTaggedAt = null);

/// <summary>A page of a workbook.</summary>
internal sealed record WorkbookPage(string PageId, string? Name = null, bool? Hidden = null);

/// <summary>An element (table, chart, pivot, control, text...) of a workbook page or data model.</summary>
internal sealed record SigmaElement(
    string ElementId,
    string? Name = null,
    string? Type = null,
    IReadOnlyList<string>? Columns = null,
    string? VizualizationType = null,
    string? Error = null);

/// <summary>A column of an element, with its formula. <c>type</c> arrives as a string or as <c>{"type": "text"}</c>.</summary>
internal sealed record ElementColumn(
    string ColumnId,
    string? Label = null,
    string? Formula = null,
    [property: JsonConverter(typeof(ColumnTypeConverter))] string? Type = null,
    string? Name = null,
    string? ElementId = null);

/// <summary>The SQL behind an element.</summary>
internal sealed record ElementQuery(string ElementId, string? Name = null, string? Sql = null, string? Error = null);

/// <summary>A control of a workbook: what <c>parameters</c> in an export can set.</summary>
internal sealed record WorkbookControl(string? ControlId, string Name, string? ValueType = null);

/// <summary>A data source of a workbook (<c>GET /v2/workbooks/{id}/sources</c> answers a bare array of these).</summary>
internal sealed record WorkbookSource(string Type, string? InodeId = null, string? DataModelId = null, string? DatasetId = null, string? Name = null, string? Path = null, string? ConnectionId = null);

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

/// <summary>A version tag on a data model (its field names differ from a workbook's).</summary>
internal sealed record DataModelTag(string? VersionTagId, string TagName, int? SourceVersion = null, DateTimeOffset? TaggedAt = null);

/// <summary>A (legacy) dataset. Its owner field is <c>owner</c>.</summary>
internal sealed record Dataset(
    string DatasetId,
    string Name,
    string? Description,
    string? Url,
    string? Path,
    string? Owner,
    string? CreatedBy,
    string? UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool? IsArchived = null,
    string? MigrationStatus = null);
