namespace Sigma.Mcp.Tool.Documents;

/// <summary>The names of the MCP tools: the public contract, and the values <c>SIGMA_MCP_TOOLS</c> and <c>SIGMA_MCP_DISABLED_TOOLS</c> take.</summary>
internal static class ToolNames
{
    public const string Heartbeat = "heartbeat";
    public const string SearchDocuments = "search_documents";
    public const string DescribeWorkbook = "describe_workbook";
    public const string DescribeDataModel = "describe_data_model";
    public const string GetElementSql = "get_element_sql";
    public const string GetLineage = "get_lineage";
    public const string ExportData = "export_data";
    public const string RefreshCache = "refresh_cache";

    /// <summary>Every tool, in the order <c>tools/list</c> gives them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Heartbeat, SearchDocuments, DescribeWorkbook, DescribeDataModel, GetElementSql, GetLineage, ExportData, RefreshCache];

    /// <summary>The tools that write something (the local cache), which <c>--read-only</c> hides and refuses.</summary>
    public static IReadOnlySet<string> Writing { get; } = new HashSet<string>([RefreshCache], StringComparer.Ordinal);
}
