using System.Collections.Frozen;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Words a query may contain that say nothing about what is wanted ("revenue <i>by</i> region"). They are still
/// indexed, so that an exact name is recognised, but a query word that is a stop word need not match.
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> s_words = FrozenSet.ToFrozenSet(
        ["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "per", "the", "to", "vs", "with"],
        StringComparer.Ordinal);

    public static bool Contains(string token) => s_words.Contains(token);
}
