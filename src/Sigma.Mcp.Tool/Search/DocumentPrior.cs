using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// What a document's trust and freshness add to every search's score, whatever the words: Endorsed up; Warning,
/// Deprecated, archived, names that say "copy", "old", "deprecated" or "scratch", and personal documents (My
/// Documents) down; recently updated a
/// little up. Small beside word matches: it orders near-equals (a dashboard and its copy), it does not outrank a
/// better match.
/// </summary>
internal static class DocumentPrior
{
    private static readonly HashSet<string> s_staleWords = new(["copy", "old", "deprecated", "archived", "archive", "backup", "legacy", "obsolete", "unused"], StringComparer.Ordinal);
    private static readonly HashSet<string> s_scratchWords = new(["untitled", "scratch", "test", "tmp", "temp", "draft", "sandbox", "wip"], StringComparer.Ordinal);

    /// <summary>The most <see cref="Of"/> can give, which max-score pruning assumes for documents it has not seen.</summary>
    public const float Max = SearchWeights.Endorsed + SearchWeights.Recent;

    /// <param name="document">The document.</param>
    /// <param name="nameTokens">Its name's tokens.</param>
    /// <param name="newest">The newest update in the index: "recent" is relative to it, so that the same content ranks the same whenever it is searched.</param>
    public static float Of(CachedDocument document, IReadOnlyList<string> nameTokens, DateTimeOffset newest)
    {
        var prior = SearchWeights.Badge(BadgeKinds.Parse(document.Badge));
        if (document.IsArchived)
        {
            prior += SearchWeights.Stale;
        }

        if (nameTokens.Any(s_staleWords.Contains))
        {
            prior += SearchWeights.Stale;
        }

        if (nameTokens.Any(s_scratchWords.Contains) || (nameTokens.Count > 1 && nameTokens[0] == "my" && nameTokens[1] == "workbook")
            || (document.Path?.StartsWith("My Documents", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            prior += SearchWeights.Scratch;
        }

        var age = newest - document.UpdatedAt;
        return prior + (age <= TimeSpan.FromDays(30) ? SearchWeights.Recent : age <= TimeSpan.FromDays(90) ? SearchWeights.Recent / 2 : 0f);
    }
}
