namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// A query as the index sees it: its words (stop words and question words dropped unless there is nothing else)
/// with their matching terms (exact, prefix, typo, same stem, BI synonym), which of them must all match for the
/// coverage bonus, the soft owner and folder boosts its wording asks for, and its token count including stop
/// words, which is how an exact name is recognised.
/// </summary>
internal sealed class QueryPlan
{
    private const int MaxPrefixTerms = 40;
    private const int MaxTypoTerms = 20;
    private const int MaxSynonymTerms = 12;

    private readonly bool[]? _owners;
    private readonly bool[]? _paths;

    private QueryPlan(QueryWord[] words, int tokenCount, byte required, bool[]? owners, bool[]? paths)
    {
        Words = words;
        TokenCount = tokenCount;
        EveryWord = (byte)((1 << words.Length) - 1);
        AllWords = required == 0 ? EveryWord : required;
        _owners = owners;
        _paths = paths;
        MaxBoost = (owners is null ? 0f : SearchWeights.OwnerNamed) + (paths is null ? 0f : SearchWeights.FolderNamed);
    }

    public QueryWord[] Words { get; }

    /// <summary>Tokens in the query text, stop words included.</summary>
    public int TokenCount { get; }

    /// <summary>The words that must all match for the coverage bonuses (not "dashboard", nor a named owner or folder).</summary>
    public byte AllWords { get; }

    /// <summary>The bit mask with one bit set per word.</summary>
    public byte EveryWord { get; }

    /// <summary>The most <see cref="Boost"/> gives.</summary>
    public float MaxBoost { get; }

    /// <summary>True when <paramref name="words"/> has every required word.</summary>
    public bool Covers(byte words) => (words & AllWords) == AllWords;

    /// <summary>The soft boost of a document whose owner or folder the query names.</summary>
    public float Boost(in DocumentFacts facts) =>
        (_owners is not null && _owners[facts.Owner] ? SearchWeights.OwnerNamed : 0f)
        + (_paths is not null && _paths[facts.Path] ? SearchWeights.FolderNamed : 0f);

    /// <summary>
    /// Parses <paramref name="text"/> into the literal plan (weight 1, first) and its lexicon rewrites (lower weight);
    /// throws <see cref="ArgumentException"/> when it has nothing to search for.
    /// </summary>
    public static List<(QueryPlan Plan, float Weight)> Create(string? text, SearchVocabulary vocabulary)
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

        var intent = QueryIntent.Read(tokens, vocabulary.OwnerNames, vocabulary.PathTerms);
        var owners = intent.Owners;
        var paths = intent.Folder is { } folder ? vocabulary.Paths.Select(p => p.Contains(folder, StringComparison.Ordinal)).ToArray() : null;
        var literal = Build(tokens, [.. Enumerable.Range(0, tokens.Count)], intent, vocabulary, owners, paths, null);
        var plans = new List<(QueryPlan, float)> { (literal, 1f) };
        foreach (var variant in QueryLexicon.Variants(tokens))
        {
            plans.Add((Build(variant.Tokens, variant.Source, intent, vocabulary, owners, paths, literal), SearchWeights.Rewrite));
        }

        return plans;
    }

    /// <summary>Every term any word matches.</summary>
    public HashSet<int> MatchedTermIds() => [.. Words.SelectMany(w => w.Matches).Select(m => m.TermId)];

    /// <summary>The literal query's words that this plan's <paramref name="words"/> stand for.</summary>
    public byte OriginalWords(byte words)
    {
        byte original = 0;
        for (var word = 0; word < Words.Length; word++)
        {
            if ((words & (1 << word)) != 0 && Words[word].Original >= 0)
            {
                original |= (byte)(1 << Words[word].Original);
            }
        }

        return original;
    }

    private static QueryPlan Build(
        IReadOnlyList<string> tokens, int[] source, QueryIntent intent, SearchVocabulary vocabulary, bool[]? owners, bool[]? paths, QueryPlan? literal)
    {
        var kept = Enumerable.Range(0, tokens.Count).Where(i => !intent.Dropped[source[i]]).ToList();
        var meaningful = kept.Where(i => !StopWords.Contains(tokens[i]) && !StopWords.IsQuestionWord(tokens[i])).ToList();
        if (meaningful.Count == 0)
        {
            meaningful = kept.Where(i => !StopWords.Contains(tokens[i])).ToList();
        }

        if (meaningful.Count == 0)
        {
            meaningful = kept.Count > 0 ? kept : [.. Enumerable.Range(0, tokens.Count)];
        }

        var chosen = meaningful.DistinctBy(i => tokens[i]).Take(SearchWeights.MaxWords).ToList();

        // The last word is the one being typed, so it completes from two letters on; other words from four.
        var lastToken = tokens[^1];
        var words = new QueryWord[chosen.Count];
        byte required = 0;
        for (var w = 0; w < chosen.Count; w++)
        {
            var token = tokens[chosen[w]];
            var original = literal is null ? w : Array.FindIndex(literal.Words, lw => lw.Source == source[chosen[w]]);
            words[w] = new QueryWord(token, Expand(token, vocabulary, isLast: token == lastToken), source[chosen[w]], original);
            if (!intent.Optional[source[chosen[w]]])
            {
                required |= (byte)(1 << w);
            }
        }

        return new QueryPlan(words, tokens.Count, required, owners, paths);
    }

    private static TermMatch[] Expand(string word, SearchVocabulary vocabulary, bool isLast)
    {
        var terms = vocabulary.Terms;
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

        foreach (var id in vocabulary.SameStem(word))
        {
            matches.Add(new TermMatch(id, SearchWeights.Stem));
        }

        // BI equivalents ("staff" → "employees"), with their other forms; weaker than the word itself.
        var synonyms = new List<TermMatch>();
        foreach (var synonym in QueryLexicon.Synonyms(word))
        {
            var id = terms.Find(synonym);
            if (id >= 0)
            {
                synonyms.Add(new TermMatch(id, SearchWeights.Synonym));
            }

            synonyms.AddRange(vocabulary.SameStem(synonym).Select(s => new TermMatch(s, SearchWeights.Synonym)));
        }

        matches.AddRange(synonyms.Take(MaxSynonymTerms));
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
