namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// A query as the index sees it: its words (stop words dropped unless there is nothing else) with their matching
/// terms, and its token count including stop words, which is how an exact name is recognised.
/// </summary>
internal sealed class QueryPlan
{
    private const int MaxPrefixTerms = 40;
    private const int MaxTypoTerms = 20;

    private QueryPlan(QueryWord[] words, int tokenCount)
    {
        Words = words;
        TokenCount = tokenCount;
        AllWords = (byte)((1 << words.Length) - 1);
    }

    public QueryWord[] Words { get; }

    /// <summary>Tokens in the query text, stop words included.</summary>
    public int TokenCount { get; }

    /// <summary>The bit mask with one bit set per word.</summary>
    public byte AllWords { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ArgumentException"/> when it has nothing to search for.</summary>
    public static QueryPlan Create(string? text, TermDictionary terms)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The search text is empty: pass one or more words, e.g. \"revenue dashboard\".", nameof(text));
        }

        var tokens = TextNormalizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            throw new ArgumentException($"The search text \"{text}\" has no letters or digits to search for.", nameof(text));
        }

        var meaningful = tokens.Where(t => !StopWords.Contains(t)).ToList();
        var chosen = (meaningful.Count > 0 ? meaningful : tokens).Distinct(StringComparer.Ordinal).Take(SearchWeights.MaxWords).ToList();

        // The last word is the one being typed, so it completes from two letters on; other words from four.
        var lastToken = tokens[^1];
        var words = chosen.Select(w => new QueryWord(w, Expand(w, terms, isLast: w == lastToken))).ToArray();
        return new QueryPlan(words, tokens.Count);
    }

    /// <summary>Every term any word matches.</summary>
    public HashSet<int> MatchedTermIds() => [.. Words.SelectMany(w => w.Matches).Select(m => m.TermId)];

    private static TermMatch[] Expand(string word, TermDictionary terms, bool isLast)
    {
        var matches = new List<TermMatch>();
        var exact = terms.Find(word);
        if (exact >= 0)
        {
            matches.Add(new TermMatch(exact, SearchWeights.Exact));
        }

        if (word.Length >= (isLast ? 2 : 4))
        {
            var (start, end) = terms.PrefixRange(word);
            var prefixes = new List<TermMatch>();
            for (var id = start; id < end; id++)
            {
                if (id != exact)
                {
                    prefixes.Add(new TermMatch(id, SearchWeights.Prefix(word.Length, terms[id].Length)));
                }
            }

            // Short prefixes of a large vocabulary complete to thousands of terms: keep the closest completions.
            matches.AddRange(prefixes.OrderByDescending(m => m.Quality).ThenBy(m => m.TermId).Take(MaxPrefixTerms));
        }

        if (exact < 0 && word.Length >= 5)
        {
            var typos = new List<(int Id, int Distance)>();
            terms.FindTypos(word, word.Length >= 9 ? 2 : 1, typos);
            matches.AddRange(typos
                .OrderBy(t => t.Distance).ThenBy(t => t.Id)
                .Take(MaxTypoTerms)
                .Select(t => new TermMatch(t.Id, t.Distance == 1 ? SearchWeights.Typo1 : SearchWeights.Typo2)));
        }

        // A term can be both a completion and a typo ("revenu" → "revenue"): keep its best quality only.
        return [.. matches.GroupBy(m => m.TermId).Select(g => g.MaxBy(m => m.Quality)).OrderByDescending(m => m.Quality).ThenBy(m => m.TermId)];
    }
}
