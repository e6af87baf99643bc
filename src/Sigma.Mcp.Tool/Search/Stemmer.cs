namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// A light English stemmer for folding word forms together: plurals ("roles" → "role", "companies" → "company"),
/// and "-ing"/"-ed" ("selling" → "sell", "churned" → "churn"). Deliberately conservative: it only has to make the
/// forms of one word meet, never to produce a dictionary word, and short words stay as they are.
/// </summary>
internal static class Stemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetterLower(word[^1]))
        {
            return word;
        }

        var stem = word;
        if (stem.EndsWith("ies", StringComparison.Ordinal) && stem.Length > 4)
        {
            stem = stem[..^3] + "y";
        }
        else if (stem.EndsWith("sses", StringComparison.Ordinal) || stem.EndsWith("xes", StringComparison.Ordinal))
        {
            stem = stem[..^2];
        }
        else if (stem[^1] == 's' && stem[^2] is not ('s' or 'u' or 'i'))
        {
            stem = stem[..^1];
        }

        if (stem.EndsWith("ing", StringComparison.Ordinal) && stem.Length >= 6)
        {
            stem = Undouble(stem[..^3]);
        }
        else if (stem.EndsWith("ed", StringComparison.Ordinal) && stem.Length >= 5 && stem[^3] != 'e')
        {
            stem = Undouble(stem[..^2]);
        }

        // "sale"/"sales" and "price"/"pricing" meet on the form without a final e.
        return stem.Length > 4 && stem[^1] == 'e' ? stem[..^1] : stem;
    }

    // "running" → "run", "shipped" → "ship"; but "sell" keeps its double l ("selling" → "sell").
    private static string Undouble(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') && !IsVowel(stem[^1]) ? stem[..^1] : stem;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
