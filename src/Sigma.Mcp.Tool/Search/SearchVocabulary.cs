namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// What query planning looks up in an index: its terms, which terms share a stem ("role", "roles"), and the owner
/// names and folder paths that owner and folder phrases are read against.
/// </summary>
internal sealed class SearchVocabulary
{
    private readonly Dictionary<string, int[]> _stems;

    /// <param name="terms">The index's terms.</param>
    /// <param name="ownerNames">Normalized owner names, by owner index.</param>
    /// <param name="paths">Normalized paths, by path index.</param>
    public SearchVocabulary(TermDictionary terms, string[] ownerNames, string[] paths)
    {
        Terms = terms;
        OwnerNames = ownerNames;
        Paths = paths;
        PathTerms = paths.SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
        var stems = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < terms.Count; id++)
        {
            var stem = Stemmer.Stem(terms[id]);
            if (!stems.TryGetValue(stem, out var ids))
            {
                stems[stem] = ids = [];
            }

            ids.Add(id);
        }

        _stems = stems.Where(s => s.Value.Count > 1 || s.Key != terms[s.Value[0]]).ToDictionary(s => s.Key, s => s.Value.ToArray(), StringComparer.Ordinal);
    }

    public TermDictionary Terms { get; }

    public string[] OwnerNames { get; }

    public string[] Paths { get; }

    public IReadOnlySet<string> PathTerms { get; }

    /// <summary>The terms with the same stem as <paramref name="word"/>, other than the word itself.</summary>
    public IEnumerable<int> SameStem(string word)
    {
        var exact = Terms.Find(word);
        return _stems.TryGetValue(Stemmer.Stem(word), out var ids) ? ids.Where(id => id != exact) : [];
    }
}
