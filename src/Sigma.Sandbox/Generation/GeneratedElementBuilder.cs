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
            bool pivot = roll >= 0.5;
            string name = pivot ? $"{measure} by {dimension} and Region" : random.Chance(0.5) ? $"{measure} by {dimension}" : $"{measure} Trend";
            string[] labels = pivot ? [dimension, "Region", measure] : [dimension, measure, random.Pick(_vocabulary.Measures)];
            return FromUpstreamOrSource(
                new ElementShape(elementId, Unique(name), pivot ? "pivot-table" : "visualization", pivot ? null : random.Pick(Vocabulary.VisualizationTypes), pageId),
                labels);
        }

        string tableName = random.Chance(0.5) ? $"{Subject} Detail" : $"{Subject} by {dimension}";
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
            var source = new SandboxSource("data-model", model.Id, model.Name, modelElement.ElementId);
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
