using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>An element's columns as the describe tools' text shows them: <c>Region (text), Net Revenue (number)</c>.</summary>
internal static class ElementColumns
{
    public static string Render(ElementDescription element) =>
        string.Join(", ", element.Columns.Select(c => element.ColumnTypes?.GetValueOrDefault(c) is { } type ? $"{c} ({type})" : c));
}
