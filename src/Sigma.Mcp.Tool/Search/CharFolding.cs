namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Lower-cases and strips diacritics one character at a time. Hand-written because the tool runs with
/// <c>InvariantGlobalization</c>, where <see cref="string.Normalize()"/> does not decompose "é" into "e" + accent.
/// Covers Latin-1 and Latin Extended-A, which is what names in Sigma organizations use in practice.
/// </summary>
internal static class CharFolding
{
    private const char First = '\u00C0';
    private static readonly string?[] s_table = BuildTable();

    /// <summary>Appends the folded form of <paramref name="c"/> (one or two characters) and returns how many were written.</summary>
    public static int Fold(char c, Span<char> destination)
    {
        if (c < 128)
        {
            destination[0] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            return 1;
        }

        if (c >= First && c - First < s_table.Length && s_table[c - First] is { } folded)
        {
            folded.AsSpan().CopyTo(destination);
            return folded.Length;
        }

        destination[0] = char.ToLowerInvariant(c);
        return 1;
    }

    /// <summary>True for combining marks (U+0300–U+036F), which are dropped so that decomposed input folds the same.</summary>
    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    private static string?[] BuildTable()
    {
        var table = new string?[0x180 - First];
        void Set(string from, string to)
        {
            foreach (var c in from)
            {
                table[c - First] = to;
            }
        }

        Set("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a");
        Set("Ææ", "ae");
        Set("ÇçĆćĈĉĊċČč", "c");
        Set("ÐðĎďĐđ", "d");
        Set("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e");
        Set("ĜĝĞğĠġĢģ", "g");
        Set("ĤĥĦħ", "h");
        Set("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i");
        Set("Ĳĳ", "ij");
        Set("Ĵĵ", "j");
        Set("Ķķĸ", "k");
        Set("ĹĺĻļĽľĿŀŁł", "l");
        Set("ÑñŃńŅņŇňŉŊŋ", "n");
        Set("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o");
        Set("Œœ", "oe");
        Set("ŔŕŖŗŘř", "r");
        Set("ŚśŜŝŞşŠšſ", "s");
        Set("ß", "ss");
        Set("ŢţŤťŦŧ", "t");
        Set("Þþ", "th");
        Set("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u");
        Set("Ŵŵ", "w");
        Set("ÝýÿŶŷŸ", "y");
        Set("ŹźŻżŽž", "z");
        return table;
    }
}
