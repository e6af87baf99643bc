namespace Sigma.Sandbox.Model;

/// <summary>
/// An element of a workbook page or of a data model. <see cref="Sql"/> is null for elements without a query (text),
/// and <see cref="RowCount"/> is how many rows it holds before an export filters (and, for charts, groups) them.
/// </summary>
public sealed record SandboxElement
{
    public required string ElementId { get; init; }

    public required string Name { get; init; }

    /// <summary><c>table</c>, <c>visualization</c>, <c>pivot-table</c> or <c>text</c>.</summary>
    public required string Type { get; init; }

    /// <summary>For visualizations: <c>bar</c>, <c>line</c>, <c>levelTable</c>, … (sent as the misspelled <c>vizualizationType</c>).</summary>
    public string? VisualizationType { get; init; }

    /// <summary>The page holding it; null for a data model element.</summary>
    public string? PageId { get; init; }

    public IReadOnlyList<SandboxColumn> Columns { get; init; } = [];

    public string? Sql { get; init; }

    public int RowCount { get; init; }

    /// <summary>The data model element or warehouse table it reads from.</summary>
    public SandboxSource? Source { get; init; }

    /// <summary>Another element of the same workbook it reads from, if any.</summary>
    public string? SourceElementId { get; init; }

    /// <summary>True when the element can be exported and has SQL.</summary>
    public bool HasData => Sql is not null;
}
