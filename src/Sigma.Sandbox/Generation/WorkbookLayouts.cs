using Sigma.Sandbox.Corpus;
using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>
/// Pages, elements and controls of a workbook, regenerated from its id and theme on every call (microseconds), so
/// 100,000 workbooks cost no memory for their insides. The same workbook always gets the same layout.
/// </summary>
internal static class WorkbookLayouts
{
    private static readonly SandboxControl[] s_controls =
    [
        new("p_date_range", "Date Range", "date-range"),
        new("p_region", "Region", "text-list"),
        new("p_segment", "Segment", "text-list"),
        new("p_top_n", "Top N", "number"),
        new("p_include_archived", "Include Archived", "boolean"),
    ];

    public static WorkbookLayout For(SandboxWorkbook workbook, LayoutContext context) =>
        workbook.Id == SandboxWellKnown.RevenueDashboardId ? RevenueDashboardLayout.Create(context)
        : context.Options.Corpus?.Find(workbook.Id) is { } written ? CorpusContent.Layout(written, workbook.Id, context)
        : Generated(workbook, context);

    private static WorkbookLayout Generated(SandboxWorkbook workbook, LayoutContext context)
    {
        var random = DeterministicRandom.For(0, "layout:" + workbook.Id);
        var builder = new GeneratedElementBuilder(random, workbook, context);
        int pageCount = random.Between(1, 4);
        var names = new List<string> { random.Chance(0.6) ? "Overview" : "Summary" };
        names.AddRange(random.Sample(Vocabulary.PageNames.Where(n => n != names[0]).ToList(), pageCount - 1));

        var pages = new List<SandboxPage>(pageCount);
        foreach (string name in names)
        {
            string pageId = random.NextBase62(10);
            int elementCount = random.Between(1, 5);
            var elements = new List<SandboxElement>(elementCount);
            for (int i = 0; i < elementCount; i++)
            {
                elements.Add(builder.Next(pageId));
            }

            pages.Add(new SandboxPage(pageId, name, Hidden: pages.Count > 0 && random.Chance(0.1), elements));
        }

        List<SandboxControl> controls = random.Sample(s_controls, random.Between(0, 3));
        return new WorkbookLayout(pages, controls, WorkbookLayout.DistinctSources(pages.SelectMany(p => p.Elements)));
    }
}
