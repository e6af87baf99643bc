namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>
/// What <c>describe_workbook</c> returns: the workbook, its pages and elements, the controls an export can set, its
/// sources. A large workbook's elements come in windows: <see cref="NextOffset"/> is set when more follow.
/// </summary>
internal sealed record WorkbookDescription(
    string Id,
    string? UrlId,
    string Name,
    string? Url,
    string? Path,
    string? Description,
    string? OwnerName,
    string? Badge,
    IReadOnlyList<string> Tags,
    DateTimeOffset? UpdatedAt,
    int? LatestVersion,
    IReadOnlyList<PageDescription> Pages,
    IReadOnlyList<ControlDescription> Controls,
    IReadOnlyList<SourceDescription> Sources,
    string Source,
    string? Note,
    int ElementCount = 0,
    int Offset = 0,
    int? NextOffset = null);

internal sealed record PageDescription(string PageId, string? Name, IReadOnlyList<ElementDescription> Elements);

/// <summary>An element; <c>ColumnTypes</c> maps a column's name to its Sigma type (text, number, datetime...) when Sigma said it.</summary>
internal sealed record ElementDescription(string ElementId, string? Name, string? Type, IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string>? ColumnTypes);

internal sealed record ControlDescription(string? ControlId, string Name, string? ValueType);

internal sealed record SourceDescription(string Type, string? Name, string? Id);

/// <summary>What <c>describe_data_model</c> returns; <see cref="NextOffset"/> is set when more elements follow.</summary>
internal sealed record DataModelDescription(
    string Id,
    string? UrlId,
    string Name,
    string? Url,
    string? Path,
    string? Description,
    string? OwnerName,
    string? Badge,
    IReadOnlyList<string> Tags,
    DateTimeOffset? UpdatedAt,
    int? LatestVersion,
    IReadOnlyList<ElementDescription> Elements,
    string Source,
    string? Note,
    int ElementCount = 0,
    int Offset = 0,
    int? NextOffset = null);

/// <summary>What <c>get_element_sql</c> returns.</summary>
internal sealed record ElementSql(string WorkbookId, string ElementId, string? Name, string Sql, string? Note = null);

/// <summary>
/// What <c>get_lineage</c> returns: the element's upstream graph. <c>RootNodeId</c> is the element's own node (the
/// target of the last edges); <c>Nodes</c> are its upstreams only.
/// </summary>
internal sealed record ElementLineageResult(string WorkbookId, string ElementId, IReadOnlyList<LineageNodeItem> Nodes, IReadOnlyList<LineageEdgeItem> Edges, string? Note = null, string? RootNodeId = null);

/// <summary>A node; a data-model reference also names its data model (id and name from the cache, when it knows it).</summary>
internal sealed record LineageNodeItem(string NodeId, string Type, string? Name, string? ElementId, string? DataModelId, string? DataModelName);

internal sealed record LineageEdgeItem(string Source, string Target, string? Type);

/// <summary>
/// What <c>refresh_cache</c> returns. <see cref="State"/> is <c>completed</c> (the counts are the refresh's) or
/// <c>running</c> (the refresh goes on in the background; <see cref="Progress"/> says how far it is; call again later).
/// </summary>
internal sealed record RefreshResult(int Added, int Changed, int Unchanged, int Removed, int Failed, long Generation, double DurationSeconds, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<string> Warnings)
{
    public string State { get; init; } = "completed";

    /// <summary>Failed documents that kept their structure from the previous refresh.</summary>
    public int Stale { get; init; }

    /// <summary>Where a running refresh is.</summary>
    public string? Progress { get; init; }
}
