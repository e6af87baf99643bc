using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>The fixed layout of the well-known "Revenue Dashboard" (ids in <see cref="SandboxWellKnown"/>).</summary>
internal static class RevenueDashboardLayout
{
    public static readonly string[] OrderLineColumns =
    [
        "Order Id", "Order Date", "Customer Id", "Customer Name", "Region", "Segment", "Product Category",
        "Quantity", "Unit Price", "Discount", "Net Revenue",
    ];

    public static WorkbookLayout Create(LayoutContext context)
    {
        SandboxDataModel model = context.DataModel(SandboxWellKnown.SalesDataModelId)
            ?? throw new InvalidOperationException("The well-known data model is missing.");
        SandboxElement modelOrderLines = DataModelLayouts.For(model, context)[1];
        var modelSource = new SandboxSource("data-model", model.Id, model.Name, modelOrderLines.ElementId, UrlId: model.UrlId);
        SandboxTable table = context.Table(SandboxWellKnown.OrderLinesTableId);
        var tableSource = new SandboxSource("table", table.InodeId, table.Name, ConnectionId: table.ConnectionId);
        const string Overview = SandboxWellKnown.OverviewPageId;
        const string Details = SandboxWellKnown.DetailsPageId;

        SandboxElement orderLines = ElementFactory.Data(
            new(SandboxWellKnown.OrderLinesElementId, SandboxWellKnown.OrderLinesElementName, "table", null, Overview),
            OrderLineColumns, modelSource, SqlText.FromElement(modelOrderLines), null, context.Options.LargeElementRows);
        SandboxElement byRegion = ElementFactory.Data(
            new(SandboxWellKnown.RevenueByRegionElementId, SandboxWellKnown.RevenueByRegionElementName, "visualization", "bar", Overview),
            ["Region", "Net Revenue", "Quantity"], modelSource, SqlText.FromElement(orderLines), orderLines, context.Options.ExportRowsPerElement);
        SandboxElement bySegment = ElementFactory.Data(
            new(SandboxWellKnown.RevenueBySegmentElementId, "Revenue by Segment", "pivot-table", null, Details),
            ["Segment", "Region", "Net Revenue"], tableSource, SqlText.FromTable(table), null, context.Options.ExportRowsPerElement);

        return new WorkbookLayout(
            [
                new SandboxPage(Overview, "Overview", false,
                [
                    ElementFactory.Text(SandboxWellKnown.ExecutiveSummaryElementId, SandboxWellKnown.ExecutiveSummaryElementName, Overview),
                    byRegion,
                    orderLines,
                ]),
                new SandboxPage(Details, "Details", false,
                [
                    bySegment,
                    ElementFactory.Text(SandboxWellKnown.NotesElementId, "Notes", Details),
                ]),
            ],
            [
                new SandboxControl("p_date_range", "Date Range", "date-range"),
                new SandboxControl("p_region", "Region", "text-list"),
            ],
            [modelSource, tableSource]);
    }
}
