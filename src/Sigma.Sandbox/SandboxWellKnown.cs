namespace Sigma.Sandbox;

/// <summary>
/// Content present in every sandbox, whatever the seed, with fixed ids so that tests can name it directly.
/// These come in addition to the generated counts of <see cref="SandboxOptions"/>.
/// </summary>
public static class SandboxWellKnown
{
    /// <summary>Number of well-known workbooks added to <see cref="SandboxOptions.Workbooks"/>.</summary>
    public const int WorkbookCount = 3;

    /// <summary>Number of well-known data models added to <see cref="SandboxOptions.DataModels"/>.</summary>
    public const int DataModelCount = 1;

    /// <summary>Number of well-known members (the API user) added to <see cref="SandboxOptions.Members"/>.</summary>
    public const int MemberCount = 1;

    public const string RevenueDashboardName = "Revenue Dashboard";
    public const string RevenueDashboardId = "6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b";
    public const string RevenueDashboardUrlId = "3kRvDsh7Qm2XpT9zW4vB8c";
    public const string RevenueDashboardPath = "Finance/Executive";

    public const string OverviewPageId = "pgOvrVw01a";
    public const string DetailsPageId = "pgDtls02bq";

    /// <summary>A text element on "Overview": it has no SQL, so <c>/query</c> answers 404 and exports are refused.</summary>
    public const string ExecutiveSummaryElementId = "txExSm01Kd";
    public const string ExecutiveSummaryElementName = "Executive Summary";

    /// <summary>A bar chart on "Overview" that reads from "Order Lines".</summary>
    public const string RevenueByRegionElementId = "vzRvRg02Lm";
    public const string RevenueByRegionElementName = "Revenue by Region";

    /// <summary>The large table on "Overview": its export yields <see cref="SandboxOptions.LargeElementRows"/> rows.</summary>
    public const string OrderLinesElementId = "tbOrdL03Np";
    public const string OrderLinesElementName = "Order Lines";

    /// <summary>A pivot table on "Details" that reads straight from the warehouse table ORDER_LINES.</summary>
    public const string RevenueBySegmentElementId = "pvRvSg04Qr";

    /// <summary>A text element on "Details".</summary>
    public const string NotesElementId = "txNote05St";

    public const string CustomerChurnAnalysisName = "Customer Churn Analysis";
    public const string CustomerChurnAnalysisId = "7a2e3d4c-5b6a-4f90-8c1b-2d3e4f5a6b7c";

    /// <summary>Badge <c>Deprecated</c>.</summary>
    public const string LegacySalesReportName = "Legacy Sales Report (old)";
    public const string LegacySalesReportId = "8b3f4e5d-6c7b-4a01-9d2c-3e4f5a6b7c8d";

    public const string SalesDataModelName = "Sales Data Model";
    public const string SalesDataModelId = "9c4a5f6e-7d8c-4b12-8e3d-4f5a6b7c8d9e";

    /// <summary>The API user of <c>/v2/whoami</c> and owner of "Revenue Dashboard".</summary>
    public const string AdaLovelaceMemberId = "aL9xQ2mT7pWz4Kc8Rv3NbY6dJ1";
    public const string AdaLovelaceName = "Ada Lovelace";
    public const string AdaLovelaceEmail = "ada.lovelace@example.com";

    /// <summary>The warehouse table ANALYTICS.PUBLIC.ORDER_LINES (pageToken-paged columns, 160 of them).</summary>
    public const string OrderLinesTableId = "4d5e6f70-8192-4a3b-9c4d-5e6f708192a3";

    /// <summary>The Snowflake connection holding <see cref="OrderLinesTableId"/>.</summary>
    public const string SnowflakeConnectionId = "1a2b3c4d-5e6f-4a70-8b91-a2b3c4d5e6f7";
}
