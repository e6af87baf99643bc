namespace Sigma.Sandbox.Generation;

/// <summary>
/// Workbook descriptions from templates, one per (domain, subject, kind) and shared between workbooks of that theme:
/// 100,000 workbooks then hold about a thousand description strings, not 100,000.
/// </summary>
internal sealed class DescriptionWriter
{
    private readonly Dictionary<(int, int, int), string> _cache = [];

    public string For(int domain, int subject, int kind)
    {
        if (_cache.TryGetValue((domain, subject, kind), out string? text))
        {
            return text;
        }

        DomainVocabulary vocabulary = Vocabulary.Domains[domain];
        string template = Vocabulary.DescriptionTemplates[(subject + kind) % Vocabulary.DescriptionTemplates.Length];
        text = template
            .Replace("{subject}", vocabulary.Subjects[subject].ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{domain}", vocabulary.Name, StringComparison.Ordinal)
            .Replace("{Kind}", Vocabulary.Kinds[kind], StringComparison.Ordinal)
            .Replace("{dimension}", vocabulary.Dimensions[kind % vocabulary.Dimensions.Length].ToLowerInvariant(), StringComparison.Ordinal)
            .Replace("{Measure}", vocabulary.Measures[subject % vocabulary.Measures.Length], StringComparison.Ordinal)
            .Replace("{measure}", vocabulary.Measures[(subject + 1) % vocabulary.Measures.Length].ToLowerInvariant(), StringComparison.Ordinal);
        _cache[(domain, subject, kind)] = text;
        return text;
    }
}
