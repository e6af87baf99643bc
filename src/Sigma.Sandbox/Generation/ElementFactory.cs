using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>Builds elements with consistent columns, formulas and SQL, for generated and well-known layouts alike.</summary>
internal static class ElementFactory
{
    public static SandboxElement Text(string elementId, string name, string? pageId) =>
        new() { ElementId = elementId, Name = name, Type = "text", PageId = pageId };

    /// <summary>A table, visualization or pivot table reading from <paramref name="source"/> or an upstream element.</summary>
    /// <param name="shape">Id, name, type, visualization type and page of the element.</param>
    /// <param name="labels">Column labels, dimensions first.</param>
    /// <param name="source">The data model element or table the data comes from.</param>
    /// <param name="from">The SQL FROM clause (a table or an upstream element's subquery).</param>
    /// <param name="upstream">The in-workbook element it reads from, if any.</param>
    /// <param name="rowCount">Rows an export yields.</param>
    public static SandboxElement Data(
        ElementShape shape, IEnumerable<string> labels, SandboxSource source, string from, SandboxElement? upstream, int rowCount)
    {
        var random = DeterministicRandom.For(0, "columns:" + shape.ElementId);
        bool aggregate = shape.Type != "table";
        string origin = upstream?.Name ?? source.Name;
        List<SandboxColumn> columns = [.. labels.Distinct().Select(label =>
        {
            string type = ColumnCatalog.TypeOf(label);
            string formula = aggregate && type == "number" ? $"Sum([{origin}/{label}])" : $"[{origin}/{label}]";
            return new SandboxColumn(random.NextBase62(10), label, formula, type);
        })];
        return new SandboxElement
        {
            ElementId = shape.ElementId,
            Name = shape.Name,
            Type = shape.Type,
            VisualizationType = shape.VisualizationType,
            PageId = shape.PageId,
            Columns = columns,
            Sql = SqlText.Select(columns, from, aggregate),
            RowCount = rowCount,
            Source = source,
            SourceElementId = upstream?.ElementId,
        };
    }
}
