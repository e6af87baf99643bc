using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>
/// The warehouse side, the same for every seed: four connections with a few wide tables each. Tables get 150–180
/// columns so that the pageToken-paged column listing needs several pages.
/// </summary>
internal static class ConnectionCatalog
{
    private static readonly string[] s_metrics = ["REVENUE", "ORDERS", "UNITS", "DISCOUNT", "RETURNS", "MARGIN", "SESSIONS", "CLICKS", "COST", "TICKETS"];
    private static readonly string[] s_windows = ["1D", "7D", "30D", "90D", "MTD", "QTD", "YTD", "LTM", "PRIOR_YEAR"];

    public static IReadOnlyList<SandboxConnection> Build(DateTimeOffset createdAt)
    {
        return
        [
            Connection(SandboxWellKnown.SnowflakeConnectionId, "Snowflake Production", "snowflake", "ANALYTICS/PUBLIC", createdAt,
            [
                ("ORDERS", ["ORDER_ID", "ORDER_DATE", "CUSTOMER_ID", "REGION", "SEGMENT", "STATUS", "NET_REVENUE", "ORDER_COUNT"]),
                ("ORDER_LINES", ["ORDER_ID", "ORDER_DATE", "CUSTOMER_ID", "CUSTOMER_NAME", "REGION", "SEGMENT", "PRODUCT_CATEGORY", "QUANTITY", "UNIT_PRICE", "DISCOUNT", "NET_REVENUE"]),
                ("CUSTOMERS", ["CUSTOMER_ID", "CUSTOMER_NAME", "SEGMENT", "COUNTRY", "REGION", "SIGNUP_DATE", "IS_ACTIVE"]),
                ("PRODUCTS", ["PRODUCT_ID", "PRODUCT_NAME", "PRODUCT_CATEGORY", "LIST_PRICE", "LAUNCH_DATE"]),
            ]),
            Connection(Id("connection:bigquery"), "BigQuery Marketing", "bigquery", "MARKETING/EVENTS", createdAt,
            [
                ("CAMPAIGN_TOUCHES", ["TOUCH_ID", "CAMPAIGN", "CHANNEL", "LEAD_SOURCE", "TOUCH_DATE", "SPEND", "LEADS"]),
                ("WEB_SESSIONS", ["SESSION_ID", "SESSION_DATE", "COUNTRY", "PAGE_VIEWS", "IS_CONVERTED"]),
            ]),
            Connection(Id("connection:databricks"), "Databricks Lakehouse", "databricks", "MAIN/FINANCE", createdAt,
            [
                ("GL_ENTRIES", ["ENTRY_ID", "ACCOUNT", "COST_CENTER", "POSTING_DATE", "AMOUNT", "BUSINESS_UNIT"]),
                ("BUDGETS", ["COST_CENTER", "FISCAL_QUARTER", "BUDGET", "FORECAST"]),
            ]),
            Connection(Id("connection:postgres"), "Postgres Operations", "postgres", "OPS/PUBLIC", createdAt,
            [
                ("SHIPMENTS", ["SHIPMENT_ID", "WAREHOUSE", "CARRIER", "SHIP_DATE", "SHIPPING_COST", "IS_ON_TIME"]),
                ("SUPPORT_TICKETS", ["TICKET_ID", "CUSTOMER_ID", "PRIORITY", "OPENED_DATE", "RESOLUTION_HOURS"]),
            ]),
        ];
    }

    private static SandboxConnection Connection(
        string id, string name, string type, string path, DateTimeOffset createdAt, (string Name, string[] Core)[] tables)
    {
        var built = tables.Select(t => new SandboxTable(
            t.Name == "ORDER_LINES" ? SandboxWellKnown.OrderLinesTableId : Id("table:" + t.Name),
            id,
            t.Name,
            $"{name}/{path}",
            Columns(t.Name, t.Core))).ToList();
        return new SandboxConnection(id, name, type, IsArchived: false, createdAt, built);
    }

    private static List<SandboxTableColumn> Columns(string table, string[] core)
    {
        var columns = core.Select(c => new SandboxTableColumn(c, TypeOf(c))).ToList();
        int target = 150 + (int)(DeterministicRandom.Hash(table) % 31);
        foreach (string aggregate in new[] { "SUM", "AVG" })
        {
            foreach (string metric in s_metrics)
            {
                foreach (string window in s_windows)
                {
                    if (columns.Count < target)
                    {
                        columns.Add(new SandboxTableColumn($"{aggregate}_{metric}_{window}", "number"));
                    }
                }
            }
        }

        return columns;
    }

    private static string TypeOf(string column) => column switch
    {
        _ when column.EndsWith("_DATE", StringComparison.Ordinal) => "datetime",
        _ when column.StartsWith("IS_", StringComparison.Ordinal) => "boolean",
        _ when column.EndsWith("_ID", StringComparison.Ordinal) => "text",
        _ => ColumnCatalog.TypeOf(ToLabel(column)),
    };

    private static string ToLabel(string column) =>
        string.Join(' ', column.Split('_').Select(w => w.Length == 0 ? w : w[0] + w[1..].ToLowerInvariant()));

    private static string Id(string key) => DeterministicRandom.For(0, key).NextUuid();
}
