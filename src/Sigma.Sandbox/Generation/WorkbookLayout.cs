using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>A workbook's pages, controls and sources, regenerated on demand rather than stored for every workbook.</summary>
internal sealed record WorkbookLayout(
    IReadOnlyList<SandboxPage> Pages,
    IReadOnlyList<SandboxControl> Controls,
    IReadOnlyList<SandboxSource> Sources)
{
    public IEnumerable<SandboxElement> Elements => Pages.SelectMany(p => p.Elements);

    public SandboxElement? FindElement(string elementId) =>
        Elements.FirstOrDefault(e => string.Equals(e.ElementId, elementId, StringComparison.Ordinal));

    public static IReadOnlyList<SandboxSource> DistinctSources(IEnumerable<SandboxElement> elements) =>
        [.. elements.Select(e => e.Source).OfType<SandboxSource>().DistinctBy(s => (s.Type, s.Id))];
}
