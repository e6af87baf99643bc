namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Who and where a query names, read from its wording: owners ("Ada's", "owned by Ada", "Ada owns", "by Ada", or
/// just an owner's name) and folders ("in Finance"). They become soft boosts, not filters: the connecting words go;
/// an owner's name stays a query word (it matches the owner field, so the owner's documents cover the query and
/// others still come after them); a folder's name becomes optional.
/// </summary>
internal sealed class QueryIntent
{
    // Words that say what kind of thing is wanted, not what it is about: they count when they match, but need not.
    private static readonly HashSet<string> s_genericWords = new(
        ["dashboard", "dashboards", "workbook", "workbooks", "report", "reports", "chart", "charts", "sheet", "sheets"],
        StringComparer.Ordinal);

    private QueryIntent(bool[] dropped, bool[] optional, bool[]? owners, string? folder)
    {
        Dropped = dropped;
        Optional = optional;
        Owners = owners;
        Folder = folder;
    }

    /// <summary>Per token: a connecting word ("owned", "by", "owns", the possessive "s") that is not searched for.</summary>
    public bool[] Dropped { get; }

    /// <summary>Per token: a word that need not match (a folder's name, or "dashboard").</summary>
    public bool[] Optional { get; }

    /// <summary>Per owner index: named by the query; null when no owner is.</summary>
    public bool[]? Owners { get; }

    /// <summary>The folder named after "in" (normalized), or null.</summary>
    public string? Folder { get; }

    /// <param name="tokens">The query's tokens.</param>
    /// <param name="ownerNames">Normalized owner names, by owner index.</param>
    /// <param name="pathTerms">Every token of every path.</param>
    public static QueryIntent Read(IReadOnlyList<string> tokens, string[] ownerNames, IReadOnlySet<string> pathTerms)
    {
        var dropped = new bool[tokens.Count];
        var optional = new bool[tokens.Count];
        bool[]? owners = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            optional[i] = s_genericWords.Contains(tokens[i]);
            var named = OwnersNamed(tokens[i], ownerNames);
            if (named is null || StopWords.Contains(tokens[i]))
            {
                continue;
            }

            owners ??= new bool[ownerNames.Length];
            for (var o = 0; o < named.Length; o++)
            {
                owners[o] |= named[o];
            }

            Drop(tokens, dropped, i + 1, "s");
            Drop(tokens, dropped, i + 1, "owns");
            Drop(tokens, dropped, i - 1, "by");
            if (i >= 2 && tokens[i - 1] == "by" && tokens[i - 2] == "owned")
            {
                dropped[i - 2] = true;
            }
        }

        string? folder = null;
        for (var i = 0; i + 1 < tokens.Count && folder is null; i++)
        {
            if (tokens[i] != "in")
            {
                continue;
            }

            var end = i + 1;
            while (end < tokens.Count && end - i <= 3 && !StopWords.Contains(tokens[end]) && pathTerms.Contains(tokens[end]) && !optional[end])
            {
                end++;
            }

            if (end > i + 1)
            {
                folder = string.Join(' ', tokens.Skip(i + 1).Take(end - i - 1));
                for (var j = i + 1; j < end; j++)
                {
                    optional[j] = true;
                }
            }
        }

        return new QueryIntent(dropped, optional, owners, folder);
    }

    // The owners one of whose name words is the token; null when none (owner names are short lists: a linear scan).
    private static bool[]? OwnersNamed(string token, string[] ownerNames)
    {
        if (token.Length < 3)
        {
            return null;
        }

        bool[]? named = null;
        for (var o = 0; o < ownerNames.Length; o++)
        {
            var name = ownerNames[o].AsSpan();
            foreach (var range in name.Split(' '))
            {
                if (name[range].SequenceEqual(token))
                {
                    named ??= new bool[ownerNames.Length];
                    named[o] = true;
                    break;
                }
            }
        }

        return named;
    }

    private static void Drop(IReadOnlyList<string> tokens, bool[] dropped, int at, string word)
    {
        if (at >= 0 && at < tokens.Count && tokens[at] == word)
        {
            dropped[at] = true;
        }
    }
}
