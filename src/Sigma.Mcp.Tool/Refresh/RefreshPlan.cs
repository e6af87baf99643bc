using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Refresh;

/// <summary>Which listed documents need their details fetched, and which can be carried over from the previous generation.</summary>
internal sealed record RefreshPlan(IReadOnlyList<CachedDocument> ToFetch, IReadOnlyList<CachedDocument> CarriedOver, int Added, int Changed, int Unchanged, int Removed)
{
    public static RefreshPlan Create(IReadOnlyList<CachedDocument> listed, IReadOnlyDictionary<string, CachedDocument> previous, bool full)
    {
        var toFetch = new List<CachedDocument>();
        var carried = new List<CachedDocument>();
        var (added, changed, unchanged) = (0, 0, 0);
        foreach (var document in listed)
        {
            previous.TryGetValue(document.Id, out var before);
            var current = before is not null && before.IsCurrentFor(document.UpdatedAt, document.LatestVersion);
            if (before is not null && (!DocumentDetails.HasDetails(document) || (!full && current)))
            {
                // The listing's fields are fresh (a badge or an owner's name can change without a new version); the structure is reused.
                carried.Add(document with { Pages = before.Pages, Elements = before.Elements });
                unchanged++;
                continue;
            }

            // Counts say what changed in Sigma; with --full an unchanged document is fetched again but still unchanged.
            if (before is null)
            {
                added++;
            }
            else if (current)
            {
                unchanged++;
            }
            else
            {
                changed++;
            }

            if (DocumentDetails.HasDetails(document))
            {
                toFetch.Add(document);
            }
            else
            {
                carried.Add(document);
            }
        }

        var listedIds = listed.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return new RefreshPlan(toFetch, carried, added, changed, unchanged, previous.Keys.Count(id => !listedIds.Contains(id)));
    }
}
