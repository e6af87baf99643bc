using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;

namespace Sigma.Mcp.Tool.Tests.Search;

/// <summary>
/// The original TypeScript server's search (<c>DocumentCache.searchDocuments</c>, sigma-api.md §2.1), as a baseline:
/// the whole query lower-cased; name equals +100 or contains +50; description contains +25; searchable text (name,
/// description, owner, badge, tags) contains +10; Endorsed +5, Deprecated −10; +5 per query word longer than two
/// characters found in the searchable text; floored at 0, zeros dropped, stable sort by score.
/// <para>
/// For a fair comparison it gets the same filters applied first (the original had only a type filter), uses the real
/// badge (the original guessed it from tags and age), and cannot see elements: for element queries it is judged on
/// the document alone.
/// </para>
/// </summary>
internal sealed class OriginalScoring(IReadOnlyList<CachedDocument> documents)
{
    public IReadOnlyList<CachedDocument> Search(SearchQuery query)
    {
        var term = query.Text.ToLowerInvariant();
        var words = term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).ToList();
        return [.. documents
            .Where(d => Allows(d, query))
            .Select(d => (Document: d, Score: Score(d, term, words)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .Take(query.Limit)
            .Select(s => s.Document)];
    }

    private static int Score(CachedDocument document, string term, List<string> words)
    {
        var name = document.Name.ToLowerInvariant();
        var description = document.Description?.ToLowerInvariant() ?? "";
        var searchable = string.Join(' ', new[] { document.Name, document.Description, document.OwnerName, document.Badge }
            .Concat(document.Tags).Where(s => !string.IsNullOrEmpty(s))).ToLowerInvariant();
        var score = name == term ? 100 : name.Contains(term, StringComparison.Ordinal) ? 50 : 0;
        score += description.Contains(term, StringComparison.Ordinal) ? 25 : 0;
        score += searchable.Contains(term, StringComparison.Ordinal) ? 10 : 0;
        score += document.Badge switch { "Endorsed" => 5, "Deprecated" => -10, _ => 0 };
        score += 5 * words.Count(w => searchable.Contains(w, StringComparison.Ordinal));
        return Math.Max(score, 0);
    }

    private static bool Allows(CachedDocument d, SearchQuery query) =>
        (query.IncludeArchived || !d.IsArchived)
        && (query.DocumentType is SearchIndex.AllTypes
            || (query.DocumentType == SearchIndex.ElementType ? d.Elements.Count > 0 : d.Type == query.DocumentType))
        && (query.Owner is null || Contains(d.OwnerName, query.Owner) || Contains(d.OwnerId, query.Owner))
        && (query.Path is null || Contains(d.Path, query.Path))
        && (query.Badge is null || string.Equals(d.Badge, query.Badge, StringComparison.OrdinalIgnoreCase));

    private static bool Contains(string? text, string part) => text?.Contains(part, StringComparison.OrdinalIgnoreCase) ?? false;
}
