namespace Sigma.Sandbox.Generation;

/// <summary>Word lists for generated names. Order matters: changing it changes every seed's content.</summary>
internal static class Vocabulary
{
    public static readonly DomainVocabulary[] Domains =
    [
        new("Finance",
            ["Revenue", "Expense", "Cash Flow", "Budget Variance", "Accounts Receivable", "Gross Margin", "Billing", "Profitability"],
            ["Net Revenue", "Gross Revenue", "Operating Expense", "Gross Margin %", "Budget", "Actuals", "Variance", "Days Sales Outstanding"],
            ["Fiscal Quarter", "Cost Center", "Region", "Account", "Business Unit", "Invoice Date"]),
        new("Marketing",
            ["Funnel", "Campaign Performance", "Lead Attribution", "Web Traffic", "Email Engagement", "Paid Media Spend", "Brand Awareness"],
            ["Leads", "MQLs", "SQLs", "Conversion Rate", "Spend", "Cost per Lead", "Sessions", "Click-through Rate"],
            ["Campaign", "Channel", "Lead Source", "Region", "Week Start Date"]),
        new("Sales",
            ["Pipeline", "Bookings", "Quota Attainment", "Win Rate", "Territory", "Deal Velocity", "Renewals"],
            ["Pipeline Value", "Bookings", "Quota", "Attainment %", "Win Rate", "Deal Count", "Average Deal Size"],
            ["Sales Rep", "Territory", "Stage", "Region", "Close Date", "Customer Name"]),
        new("Operations",
            ["Fulfillment", "SLA Compliance", "Ticket Backlog", "Capacity", "Shipping Cost", "Vendor"],
            ["Orders Shipped", "On-time %", "Backlog", "Utilization %", "Shipping Cost", "Lead Time Days"],
            ["Warehouse", "Carrier", "Region", "Ship Date", "Priority"]),
        new("Product",
            ["Feature Adoption", "Retention Cohort", "Active Users", "Release Quality", "Experiment", "Usage"],
            ["Daily Active Users", "Weekly Active Users", "Retention %", "Sessions", "Adoption Rate", "Bug Count"],
            ["Feature", "Platform", "Cohort Month", "Release", "Plan"]),
        new("Customer Success",
            ["Churn", "Health Score", "NPS", "Support Ticket", "Onboarding", "Expansion"],
            ["Churn Rate", "Health Score", "NPS", "Tickets Opened", "Time to Resolution Hours", "Expansion ARR"],
            ["Customer Id", "Customer Name", "Segment", "CSM", "Renewal Date"]),
        new("People",
            ["Headcount", "Attrition", "Hiring Funnel", "Compensation", "Engagement Survey", "Workforce Planning"],
            ["Headcount", "Attrition Rate", "Open Roles", "Offers Accepted", "Average Salary", "Engagement Score"],
            ["Department", "Location", "Level", "Hire Date", "Manager"]),
        new("Supply Chain",
            ["Inventory Health", "Supplier Performance", "Demand Forecast", "Stockout", "Warehouse Utilization", "Procurement"],
            ["Units on Hand", "Days of Supply", "Fill Rate %", "Stockouts", "Forecast Units", "Purchase Spend"],
            ["SKU", "Supplier", "Warehouse", "Product Category", "Week Start Date"]),
        new("Data Platform",
            ["Warehouse Cost", "Query Performance", "Data Freshness", "Pipeline Reliability", "Storage Growth"],
            ["Credits Used", "Query Count", "Median Runtime Seconds", "Failed Runs", "Storage TB", "Freshness Hours"],
            ["Warehouse", "Database", "Job Name", "Run Date", "Team"]),
    ];

    public static readonly string[] Kinds =
    [
        "Dashboard", "Weekly", "Monthly Review", "Tracker", "Report", "Analysis", "Scorecard", "Explorer",
        "Deep Dive", "Overview", "Snapshot", "Forecast", "Monitor", "Quarterly Review", "Daily Pulse",
    ];

    public static readonly string[] Qualifiers =
    [
        "EMEA", "APAC", "North America", "LATAM", "FY25", "FY26", "2025", "Q3", "v2", "Draft", "Regional", "Global",
    ];

    public static readonly string[] FolderNames =
    [
        "Executive", "Weekly Reviews", "Forecasting", "Regional", "Shared", "Team Dashboards", "Board Reporting",
        "Operational", "Experiments", "Archive",
    ];

    public static readonly string[] DescriptionTemplates =
    [
        "Tracks {subject} for the {domain} team, with drill-downs by {dimension}.",
        "{Kind} of {subject} across {dimension}; owned by {domain}.",
        "{Measure} and related {subject} metrics, sliced by {dimension}.",
        "Self-serve view of {subject} with {measure} by {dimension}.",
        "Used in {domain} reviews to follow {measure} over time.",
    ];

    public static readonly string[] PageNames =
    [
        "Summary", "Trends", "Details", "By Region", "Drill Down", "Data", "Definitions", "Appendix", "Segments", "Targets",
    ];

    public static readonly string[] VisualizationTypes = ["bar", "line", "area", "pie", "scatter", "levelTable", "kpi", "map"];

    public static readonly string[] TextElementNames = ["Notes", "About this workbook", "Definitions", "Header", "How to use"];

    public static readonly string[] SharedDimensions = ["Region", "Order Date", "Segment", "Country", "Product Category"];

    public static readonly string[] VersionTagNames = ["Production", "Staging", "QA", "Certified", "Board Pack"];
}
