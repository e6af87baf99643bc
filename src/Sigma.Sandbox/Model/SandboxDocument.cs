namespace Sigma.Sandbox.Model;

/// <summary>
/// What every entry of <c>/v2/files</c> has in common: workbooks, data models, datasets, reports, folders and
/// workspaces. Immutable; mutations go through <see cref="SandboxData"/> and replace the record.
/// </summary>
public abstract record SandboxDocument
{
    /// <summary>The inode id (a UUID); for a workbook this is also its <c>workbookId</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The short id used in Sigma URLs.</summary>
    public required string UrlId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Path of the containing folder, e.g. <c>Finance/Executive</c>; empty for a workspace.</summary>
    public required string Path { get; init; }

    /// <summary>The containing folder or workspace; null for a workspace.</summary>
    public string? ParentId { get; init; }

    public required string OwnerId { get; init; }

    public required string CreatedBy { get; init; }

    public required string UpdatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary><c>Endorsed</c>, <c>Warning</c>, <c>Deprecated</c> or null.</summary>
    public string? Badge { get; init; }

    public bool IsArchived { get; init; }

    /// <summary>The API user's permission on it: <c>edit</c>, <c>explore</c> or <c>view</c>.</summary>
    public string Permission { get; init; } = "edit";

    /// <summary>The <c>type</c> in <c>/v2/files</c>: <c>workbook</c>, <c>data-model</c>, <c>folder</c>, …</summary>
    public abstract string FileType { get; }

    /// <summary>Insertion order; the keyset that page tokens point into, so paging survives concurrent mutations.</summary>
    internal long Sequence { get; init; }

    /// <summary>Index into the generation vocabulary (business domain) that shapes generated pages and elements.</summary>
    internal int Domain { get; init; }

    /// <summary>Index into the domain's subjects.</summary>
    internal int Subject { get; init; }
}
