namespace Sigma.Mcp.Tool.Tools.Results;

/// <summary>What <c>get_element_sql</c> returns.</summary>
internal sealed record ElementSql(string WorkbookId, string ElementId, string? Name, string Sql, string? Note = null);
