namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Build-time term ids. Texts repeat a lot (column names, owners, paths), so each distinct text is tokenized once;
/// ids are provisional (first-seen order) until <see cref="Finish"/> sorts the terms.
/// </summary>
internal sealed class BuildVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _texts = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<string> _tokens = [];

    /// <summary>The provisional ids of the tokens of <paramref name="text"/>, in order, duplicates kept.</summary>
    public int[] TermIds(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (_texts.TryGetValue(text, out var cached))
        {
            return cached;
        }

        _tokens.Clear();
        TextNormalizer.Tokenize(text, _tokens);
        var ids = new int[_tokens.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            if (!_ids.TryGetValue(_tokens[i], out ids[i]))
            {
                ids[i] = _terms.Count;
                _ids.Add(_tokens[i], ids[i]);
                _terms.Add(_tokens[i]);
            }
        }

        _texts[text] = ids;
        return ids;
    }

    /// <summary>The terms in ordinal order, and for each provisional id its final id (its position in that order).</summary>
    public (string[] Terms, int[] FinalIds) Finish()
    {
        var order = Enumerable.Range(0, _terms.Count).ToArray();
        var terms = _terms.ToArray();
        Array.Sort(terms, order, StringComparer.Ordinal);
        var finalIds = new int[order.Length];
        for (var final = 0; final < order.Length; final++)
        {
            finalIds[order[final]] = final;
        }

        _texts.Clear();
        return (terms, finalIds);
    }
}
