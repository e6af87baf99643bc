using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>
/// Makes the elements of one generated workbook: tables read a data model or warehouse table; charts and pivots
/// usually read a table element of the same workbook, which gives lineage something to show.
/// </summary>
internal sealed class GeneratedElementBuilder(DeterministicRandom random, SandboxWorkbook workbook, LayoutContext context)
{
    private readonly DomainVocabulary _vocabulary = Vocabulary.Domains[workbook.Domain % Vocabulary.Domains.Length];
    private readonly List<SandboxElement> _tables = [];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    private string Subject => _vocabulary.Subjects[workbook.Subject % _vocabulary.Subjects.Length];

    public SandboxElement Next(string pageId)
    {
        double roll = random.NextDouble();
        string elementId = random.NextBase62(10);
        if (roll < 0.15)
        {
            return ElementFactory.Text(elementId, Unique(random.Pick(Vocabulary.TextElementNames)), pageId);
        }

        string measure = random.Pick(_vocabulary.Measures);
        string dimension = random.Pick(_vocabulary.Dimensions);
        if (roll < 0.6 && (_tables.Count > 0 || roll < 0.5))
        {
            return roll < 0.5 ? Visualization(elementId, pageId, measure, dimension) : Pivot(elementId, pageId, measure, dimension);
        }

        string tableName = random.Next(4) switch
        {
            0 => $"{Subject} Detail",
            1 => $"{Subject} by {dimension}",
            2 => $"{dimension} Breakdown",
            _ => $"{Subject} Records",
        };
        string[] tableLabels =
        [
            .. random.Sample(_vocabulary.Dimensions, random.Between(2, 3)),
            .. random.Sample(Vocabulary.SharedDimensions, 1),
            .. random.Sample(_vocabulary.Measures, random.Between(2, 4)),
        ];
        SandboxElement table = FromSource(new ElementShape(elementId, Unique(tableName), "table", null, pageId), tableLabels);
        _tables.Add(table);
        return table;
    }

    /// <summary>A trend runs over a date; other charts over a dimension.</summary>
    private SandboxElement Visualization(string elementId, string pageId, string measure, string dimension)
    {
        bool trend = random.Chance(0.4);
        string axis = trend ? _vocabulary.Dimensions.FirstOrDefault(d => ColumnCatalog.TypeOf(d) == "datetime") ?? "Order Date" : dimension;
        string name = trend ? $"{measure} Trend" : $"{measure} by {dimension}";
        string type = trend ? random.Pick(["line", "area"]) : random.Pick(Vocabulary.VisualizationTypes);
        return FromUpstreamOrSource(
            new ElementShape(elementId, Unique(name), "visualization", type, pageId), [axis, measure, random.Pick(_vocabulary.Measures)]);
    }

    private SandboxElement Pivot(string elementId, string pageId, string measure, string dimension)
    {
        string across = random.Pick(Vocabulary.SharedDimensions.Where(d => d != dimension && ColumnCatalog.TypeOf(d) != "datetime").ToList());
        return FromUpstreamOrSource(
            new ElementShape(elementId, Unique($"{measure} by {dimension} and {across}"), "pivot-table", null, pageId), [dimension, across, measure]);
    }

    private SandboxElement FromUpstreamOrSource(ElementShape shape, string[] labels)
    {
        if (_tables.Count == 0 || random.Chance(0.3))
        {
            return FromSource(shape, labels);
        }

        SandboxElement upstream = random.Pick(_tables);
        return ElementFactory.Data(shape, labels, upstream.Source!, SqlText.FromElement(upstream), upstream, context.Options.ExportRowsPerElement);
    }

    private SandboxElement FromSource(ElementShape shape, string[] labels)
    {
        if (context.DataModels.Count > 0 && random.Chance(0.5))
        {
            SandboxDataModel model = random.Pick(context.DataModels);
            SandboxElement modelElement = random.Pick(DataModelLayouts.For(model, context));
            var source = new SandboxSource("data-model", model.Id, model.Name, modelElement.ElementId, UrlId: model.UrlId);
            return ElementFactory.Data(shape, labels, source, SqlText.FromElement(modelElement), null, context.Options.ExportRowsPerElement);
        }

        SandboxTable table = random.Pick(context.Tables);
        var tableSource = new SandboxSource("table", table.InodeId, table.Name, ConnectionId: table.ConnectionId);
        return ElementFactory.Data(shape, labels, tableSource, SqlText.FromTable(table), null, context.Options.ExportRowsPerElement);
    }

    private string Unique(string name)
    {
        string candidate = name;
        for (int n = 2; !_names.Add(candidate); n++)
        {
            candidate = $"{name} ({n})";
        }

        return candidate;
    }
}
