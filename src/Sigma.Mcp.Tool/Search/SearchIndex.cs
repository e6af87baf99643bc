using System.Collections.Concurrent;
using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// An in-memory ranked search over one cache generation: names, descriptions, paths, tags, owners, element names
/// and column names, with field weights, multi-word queries, prefixes, typos and badges (see <see cref="SearchWeights"/>).
/// <para>
/// Built once, then immutable and safe for any number of concurrent <see cref="Search(SearchQuery)"/> calls. A search touches
/// only the postings of its words' terms: term ids are positions in a sorted vocabulary (a prefix is a range of ids),
/// postings are flat int arrays, scores accumulate in pooled per-search arrays (about 2.4 MB per 100,000 documents,
/// plus 18 MB per 750,000 elements once an element search ran, per concurrent search), max-score pruning skips most
/// of the long lists of common words, and the best hits come from a small heap.
/// </para>
/// </summary>
internal sealed partial class SearchIndex
{
    /// <summary>The largest <see cref="SearchQuery.Limit"/>.</summary>
    public const int MaxLimit = 1000;

    public const string ElementType = "element";
    public const string AllTypes = "all";

    private static readonly string[] s_fieldNames = ["name", "description", "path", "tag", "owner", "element", "column"];

    private readonly ConcurrentBag<SearchScratch> _scratch = [];

    public long Generation { get; }

    public int DocumentCount => _documents.Length;

    public int ElementCount => _elements.Length;

    public int TermCount => _terms.Count;

    /// <summary>Postings (document and element level) held, the bulk of the index's memory at 4 bytes each.</summary>
    public long PostingCount => (long)_documentPostings.TotalPostings + _elementPostings.TotalPostings;

    /// <summary>Builds the index; documents may come in any order. Costs about a second per 100,000 documents with their elements.</summary>
    public static SearchIndex Build(IReadOnlyCollection<CachedDocument> documents, long generation = 0) => new(documents, generation);

    /// <summary>The document with this id or URL id (exact, case-sensitive), or null.</summary>
    public CachedDocument? Find(string idOrUrlId)
    {
        ArgumentNullException.ThrowIfNull(idOrUrlId);
        return _byId.TryGetValue(idOrUrlId, out var index) ? _documents[index] : null;
    }

    /// <summary>For <see cref="SearchQuery.Visible"/>: which documents, by number, <paramref name="visible"/> lets through.</summary>
    public bool[] VisibilityMask(Func<CachedDocument, bool> visible) => [.. _documents.Select(visible)];

    /// <summary>
    /// The best hits, best first; empty when nothing matches. Throws <see cref="ArgumentException"/> (message fit for
    /// a user or model) for empty text, an unknown document type or badge, or a limit out of range.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(SearchQuery query) => Search(query, out _);

    /// <summary>
    /// As <see cref="Search(SearchQuery)"/>, and the query's words that none of the hits matched (in query order),
    /// so that a partial answer can say what it did not find.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(SearchQuery query, out IReadOnlyList<string> unmatchedWords)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MaxLimit, nameof(query));
        var kind = string.IsNullOrWhiteSpace(query.DocumentType) ? AllTypes : query.DocumentType.Trim().ToLowerInvariant();
        if (kind is not (AllTypes or ElementType) && !DocumentTypes.All.Contains(kind))
        {
            throw new ArgumentException(
                $"Unknown document type '{query.DocumentType}': use one of {string.Join(", ", DocumentTypes.All)}, {ElementType} or {AllTypes}.",
                nameof(query));
        }

        var plans = QueryPlan.Create(query.Text, _vocabulary);
        // 'element' means a chart or table inside a workbook: filtered here, so that data-model elements never use up the limit.
        var filter = new DocumentFilter(query, kind switch { AllTypes => null, ElementType => DocumentTypes.Workbook, _ => kind }, _ownerNames, _ownerIds, _paths);
        var scratch = _scratch.TryTake(out var pooled) ? pooled : new SearchScratch(_documents.Length, _elements.Length);
        var ranked = new List<RankedHit>();
        var floor = float.NegativeInfinity;
        foreach (var (plan, weight) in plans)
        {
            // A rewrite's hit counts at `weight` of its score, and enters the answer only above the k-th best so
            // far: below that floor its search stops looking (max-score pruning from the first list).
            var ownFloor = float.IsNegativeInfinity(floor) ? floor : (floor / weight) - Epsilon;
            var hits = kind == ElementType
                ? SearchElements(plan, filter, query.Limit, scratch, ownFloor)
                : SearchDocuments(plan, filter, query.Limit, scratch, ownFloor);
            ranked.AddRange(weight == 1f ? hits : hits.Select(h => h with { Hit = h.Hit with { Score = h.Hit.Score * weight } }));

            // Only a search that completed knows what it touched: a failed one's scratch is dropped, not pooled.
            scratch.Clear();
            if (plans.Count > 1)
            {
                floor = KthBest(ranked, query.Limit);
            }
        }

        _scratch.Add(scratch);
        var best = plans.Count == 1 ? ranked : Merge(ranked, query.Limit);
        unmatchedWords = Unmatched(plans[0].Plan, best);
        return [.. best.Select(h => h.Hit)];
    }

    // The k-th best score over distinct numbers; negative infinity when fewer than k.
    private static float KthBest(List<RankedHit> ranked, int limit)
    {
        var best = new Dictionary<int, double>();
        foreach (var hit in ranked)
        {
            best[hit.Number] = best.TryGetValue(hit.Number, out var seen) ? Math.Max(seen, hit.Hit.Score) : hit.Hit.Score;
        }

        return best.Count < limit ? float.NegativeInfinity : (float)best.Values.OrderDescending().ElementAt(limit - 1);
    }

    // The best of each number over all plans (stable: the literal plan's hit wins a tie), with the words any of them matched.
    private static List<RankedHit> Merge(List<RankedHit> ranked, int limit)
    {
        var byNumber = new Dictionary<int, RankedHit>();
        foreach (var hit in ranked)
        {
            if (!byNumber.TryGetValue(hit.Number, out var seen))
            {
                byNumber[hit.Number] = hit;
            }
            else
            {
                var words = (byte)(seen.Words | hit.Words);
                byNumber[hit.Number] = (hit.Hit.Score > seen.Hit.Score ? hit : seen) with { Words = words };
            }
        }

        return [.. byNumber.Values.OrderByDescending(h => h.Hit.Score).ThenBy(h => h.Number).Take(limit)];
    }

    private static List<string> Unmatched(QueryPlan literal, List<RankedHit> hits)
    {
        byte matched = 0;
        foreach (var hit in hits)
        {
            matched |= hit.Words;
        }

        return [.. literal.Words.Where((_, i) => (matched & (1 << i)) == 0).Select(w => w.Text)];
    }
}
