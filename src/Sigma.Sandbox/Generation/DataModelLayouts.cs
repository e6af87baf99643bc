using Sigma.Sandbox.Corpus;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>
/// A data model's elements: fixed for "Sales Data Model", otherwise regenerated from the model's id and theme.
/// Each element reads one warehouse table.
/// </summary>
internal static class DataModelLayouts
{
    public static IReadOnlyList<SandboxElement> For(SandboxDataModel model, LayoutContext context)
    {
        return model.Id == SandboxWellKnown.SalesDataModelId ? SalesDataModel(model, context)
            : context.Options.Corpus?.Find(model.Id) is { } written ? CorpusContent.Elements(written, model.Id, null, context)
            : Generated(model, context);
    }

    private static List<SandboxElement> SalesDataModel(SandboxDataModel model, LayoutContext context)
    {
        SandboxTable Table(string name) => context.Tables.First(t => t.Name == name);
        return
        [
            FromTable(model, "dmOrders01", "Orders", Table("ORDERS"), ["Order Id", "Order Date", "Customer Id", "Region", "Segment", "Net Revenue", "Order Count"], context),
            FromTable(model, "dmOrdLin02", "Order Lines", context.Table(SandboxWellKnown.OrderLinesTableId), RevenueDashboardLayout.OrderLineColumns, context),
            FromTable(model, "dmCustmr03", "Customers", Table("CUSTOMERS"), ["Customer Id", "Customer Name", "Segment", "Country", "Region", "Signup Date"], context),
            FromTable(model, "dmProdct04", "Products", Table("PRODUCTS"), ["Product Id", "Product Name", "Product Category", "List Price", "Launch Date"], context),
        ];
    }

    private static List<SandboxElement> Generated(SandboxDataModel model, LayoutContext context)
    {
        var random = DeterministicRandom.For(0, "data-model:" + model.Id);
        DomainVocabulary vocabulary = Vocabulary.Domains[model.Domain % Vocabulary.Domains.Length];
        string subject = vocabulary.Subjects[model.Subject % vocabulary.Subjects.Length];
        var elements = new List<SandboxElement>
        {
            FromTable(model, random.NextBase62(10), $"{subject} Facts", random.Pick(context.Tables),
                [.. random.Sample(vocabulary.Dimensions, 2), .. random.Sample(vocabulary.Measures, random.Between(3, 5))], context),
        };
        foreach (string dimension in random.Sample(vocabulary.Dimensions, random.Between(2, 3)))
        {
            elements.Add(FromTable(model, random.NextBase62(10), $"{dimension} Dimension", random.Pick(context.Tables),
                [dimension, .. random.Sample(Vocabulary.SharedDimensions, 2)], context));
        }

        return elements;
    }

    private static SandboxElement FromTable(
        SandboxDataModel model, string elementId, string name, SandboxTable table, IEnumerable<string> labels, LayoutContext context)
    {
        var source = new SandboxSource("table", table.InodeId, table.Name, ConnectionId: table.ConnectionId);
        return ElementFactory.Data(
            new ElementShape(elementId, name, "table", null, null), labels, source, SqlText.FromTable(table), null,
            context.Options.ExportRowsPerElement);
    }
}
