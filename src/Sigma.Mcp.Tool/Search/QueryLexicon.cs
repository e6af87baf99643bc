using System.Collections.Frozen;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// <see cref="BiLexicon"/> compiled for query time. A query word with one-word equivalents ("staff" → "employees")
/// gets them as extra, weaker matches of the same word; a phrase with a multi-word equivalent ("dau" → "daily active
/// users", "year over year" → "yoy") gives a rewritten query, searched beside the literal one at a lower weight.
/// </summary>
internal static class QueryLexicon
{
    private const int MaxVariants = 6;

    // Phrase (tokens joined by spaces) → the phrases it may be read as.
    private static readonly FrozenDictionary<string, string[][]> s_rewrites = Compile();
    private static readonly int s_longestPhrase = s_rewrites.Keys.Max(k => k.Count(c => c == ' ') + 1);

    /// <summary>The one-word equivalents of a token (not the token itself); empty when it has none.</summary>
    public static IEnumerable<string> Synonyms(string token) =>
        s_rewrites.TryGetValue(token, out var targets) ? targets.Where(t => t.Length == 1).Select(t => t[0]) : [];

    /// <summary>
    /// Rewrites of <paramref name="tokens"/> where one phrase is replaced by a multi-word equivalent (or a multi-word
    /// phrase by any equivalent), at most a few, in query order. <c>Source</c> gives, per token, the position in
    /// <paramref name="tokens"/> it stands for.
    /// </summary>
    public static List<QueryVariant> Variants(IReadOnlyList<string> tokens)
    {
        var variants = new List<QueryVariant>();
        for (var start = 0; start < tokens.Count && variants.Count < MaxVariants; start++)
        {
            for (var length = Math.Min(s_longestPhrase, tokens.Count - start); length >= 1 && variants.Count < MaxVariants; length--)
            {
                var phrase = string.Join(' ', tokens.Skip(start).Take(length));
                if (!s_rewrites.TryGetValue(phrase, out var targets))
                {
                    continue;
                }

                foreach (var target in targets.Where(t => length > 1 || t.Length > 1).Take(MaxVariants - variants.Count))
                {
                    var rewritten = new List<string>(tokens.Count + target.Length);
                    var source = new List<int>(tokens.Count + target.Length);
                    for (var i = 0; i < start; i++)
                    {
                        rewritten.Add(tokens[i]);
                        source.Add(i);
                    }

                    foreach (var word in target)
                    {
                        rewritten.Add(word);
                        source.Add(start);
                    }

                    for (var i = start + length; i < tokens.Count; i++)
                    {
                        rewritten.Add(tokens[i]);
                        source.Add(i);
                    }

                    variants.Add(new QueryVariant([.. rewritten], [.. source]));
                }
            }
        }

        return variants;
    }

    private static FrozenDictionary<string, string[][]> Compile()
    {
        var rewrites = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var group in BiLexicon.Groups)
        {
            var arrow = group.IndexOf("=>", StringComparison.Ordinal);
            var from = Phrases(arrow < 0 ? group : group[..arrow]);
            var to = arrow < 0 ? from : Phrases(group[(arrow + 2)..]);
            foreach (var phrase in from)
            {
                var key = string.Join(' ', phrase);
                if (!rewrites.TryGetValue(key, out var targets))
                {
                    rewrites[key] = targets = [];
                }

                foreach (var target in to)
                {
                    if (!target.SequenceEqual(phrase) && !targets.Any(t => t.SequenceEqual(target)))
                    {
                        targets.Add(target);
                    }
                }
            }
        }

        return rewrites.ToFrozenDictionary(r => r.Key, r => r.Value.ToArray(), StringComparer.Ordinal);
    }

    private static List<string[]> Phrases(string text) =>
        [.. text.Split('|').Select(p => TextNormalizer.Tokenize(p).ToArray()).Where(p => p.Length > 0)];
}
