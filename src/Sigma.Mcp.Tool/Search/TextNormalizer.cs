namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Turns text into search tokens: lower case, no diacritics, split on anything that is not a letter or digit, and
/// split camelCase ("netRevenue", "HTMLReport", but not "YoY") as well (snake_case splits on the underscore like any punctuation).
/// The index and the query use this one function, so they always agree.
/// </summary>
internal static class TextNormalizer
{
    private const int MaxTokenLength = 64;

    /// <summary>The tokens of <paramref name="text"/>, in order, duplicates kept.</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<string> tokens)
    {
        Span<char> buffer = stackalloc char[MaxTokenLength + 2];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (CharFolding.IsCombiningMark(c))
            {
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                Flush(buffer, ref length, tokens);
                continue;
            }

            if (length > 0 && IsCamelBoundary(text, i, length))
            {
                Flush(buffer, ref length, tokens);
            }

            if (length < MaxTokenLength)
            {
                length += CharFolding.Fold(c, buffer[length..]);
            }
        }

        Flush(buffer, ref length, tokens);
    }

    /// <summary>The tokens joined by single spaces: "Revenue_by-Region" → "revenue by region".</summary>
    public static string Normalize(string? text) => string.Join(' ', Tokenize(text));

    // "netRevenue" splits before R; "HTMLReport" and "FY25Budget" split before the word that follows, not inside "HTML"
    // or "FY25"; "YoY", "MoM" and "PnL" are abbreviations, not two words.
    private static bool IsCamelBoundary(ReadOnlySpan<char> text, int i, int length)
    {
        if (!char.IsUpper(text[i]))
        {
            return false;
        }

        if (length <= 2 && (i + 1 == text.Length || !char.IsLetter(text[i + 1])))
        {
            return false;
        }

        var previous = text[i - 1];
        if (char.IsLower(previous))
        {
            return true;
        }

        return (char.IsUpper(previous) || char.IsDigit(previous)) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }

    private static void Flush(Span<char> buffer, ref int length, List<string> tokens)
    {
        if (length > 0)
        {
            tokens.Add(new string(buffer[..Math.Min(length, MaxTokenLength)]));
            length = 0;
        }
    }
}
