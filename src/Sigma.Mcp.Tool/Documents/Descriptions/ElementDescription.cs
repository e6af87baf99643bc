namespace Sigma.Mcp.Tool.Documents;

/// <summary>An element; <c>ColumnTypes</c> maps a column's name to its Sigma type (text, number, datetime...) when Sigma said it.</summary>
internal sealed record ElementDescription(string ElementId, string? Name, string? Type, IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string>? ColumnTypes);
