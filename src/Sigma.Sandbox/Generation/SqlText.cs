using System.Text;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>Plausible warehouse SQL for an element: measures are summed when the element aggregates.</summary>
internal static class SqlText
{
    public static string Select(IReadOnlyList<SandboxColumn> columns, string from, bool aggregate)
    {
        var sql = new StringBuilder("SELECT\n");
        var groupBy = new List<int>();
        for (int i = 0; i < columns.Count; i++)
        {
            string name = ColumnCatalog.ToWarehouseName(columns[i].Label);
            bool measure = aggregate && columns[i].Type == "number";
            sql.Append("  ").Append(measure ? $"SUM({name})" : name).Append(" AS \"").Append(columns[i].Label).Append('"')
                .Append(i < columns.Count - 1 ? ",\n" : "\n");
            if (aggregate && !measure)
            {
                groupBy.Add(i + 1);
            }
        }

        sql.Append("FROM ").Append(from);
        if (groupBy.Count > 0)
        {
            sql.Append("\nGROUP BY ").Append(string.Join(", ", groupBy));
        }

        return sql.ToString();
    }

    /// <summary><c>ANALYTICS.PUBLIC.ORDER_LINES</c> for a table whose path is <c>Snowflake Production/ANALYTICS/PUBLIC</c>.</summary>
    public static string FromTable(SandboxTable table) =>
        string.Join('.', table.Path.Split('/').Skip(1).Append(table.Name));

    /// <summary>An upstream element (or data model element) as a subquery.</summary>
    public static string FromElement(SandboxElement upstream) =>
        $"(\n  {upstream.Sql?.Replace("\n", "\n  ", StringComparison.Ordinal)}\n) AS \"{upstream.Name}\"";
}
