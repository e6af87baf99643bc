using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// An in-memory ranked search over one cache generation: names, descriptions, paths, tags, owners, element names
/// and column names, with field weights, multi-word queries, prefixes, typos and badges (see <see cref="SearchWeights"/>).
/// <para>
/// Built once (<see cref="IndexBuilder"/>), then immutable and safe for any number of concurrent
/// <see cref="Search(SearchQuery)"/> calls. A search touches only the postings of its words' terms: term ids are
/// positions in a sorted vocabulary (a prefix is a range of ids), postings are flat int arrays, scores accumulate in
/// pooled per-search arrays (about 2.4 MB per 100,000 documents, plus 18 MB per 750,000 elements once an element
/// search ran, per concurrent search), max-score pruning skips most of the long lists of common words
/// (<see cref="ListReader"/>), and the best hits come from a small heap (<see cref="HitCollector"/>).
/// </para>
/// </summary>
internal sealed class SearchIndex
{
    /// <summary>The largest <see cref="SearchQuery.Limit"/>.</summary>
    public const int MaxLimit = 1000;

    public const string ElementType = "element";
    public const string AllTypes = "all";

    private readonly IndexContent _content;
    // One spare scratch, reused by the next search; concurrent searches allocate their own. Not a ConcurrentBag: its
    // per-thread queues suit a thread that both adds and takes, while each search runs on whichever pool thread the SDK
    // gives it, so every take stole from another thread's queue under its lock (a sampling profile put that at a large
    // share of a search's CPU at a small cache; the wall-clock time per call did not measurably change).
    private SearchScratch? _spare;

    private SearchIndex(IndexContent content, long generation)
    {
        _content = content;
        Generation = generation;
    }

    public long Generation { get; }

    /// <summary>The most recently updated document, if any (what a warm-up search looks for, to find something).</summary>
    public CachedDocument? Newest => _content.Documents.Length > 0 ? _content.Documents[0] : null;

    public int DocumentCount => _content.Documents.Length;

    public int ElementCount => _content.Elements.Length;

    public int TermCount => _content.Terms.Count;

    /// <summary>Postings (document and element level) held, the bulk of the index's memory at 4 bytes each.</summary>
    public long PostingCount => (long)_content.DocumentPostings.TotalPostings + _content.ElementPostings.TotalPostings;

    /// <summary>Builds the index; documents may come in any order. Costs about a second per 100,000 documents with their elements.</summary>
    public static SearchIndex Build(IReadOnlyCollection<CachedDocument> documents, long generation = 0) => new(IndexBuilder.Build(documents), generation);

    /// <summary>The document with this id or URL id (exact, case-sensitive), or null.</summary>
    public CachedDocument? Find(string idOrUrlId)
    {
        ArgumentNullException.ThrowIfNull(idOrUrlId);
        return _content.ById.TryGetValue(idOrUrlId, out var index) ? _content.Documents[index] : null;
    }

    /// <summary>For <see cref="SearchQuery.Visible"/>: which documents, by number, <paramref name="visible"/> lets through.</summary>
    public bool[] VisibilityMask(Func<CachedDocument, bool> visible) => [.. _content.Documents.Select(visible)];

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

        var plans = QueryPlan.Create(query.Text, _content.Vocabulary);
        // 'element' means a chart or table inside a workbook: filtered here, so that data-model elements never use up the limit.
        var filter = new DocumentFilter(
            query, kind switch { AllTypes => null, ElementType => DocumentTypes.Workbook, _ => kind }, _content.OwnerNames, _content.OwnerIds, _content.Paths, _content.Facts);
        var scratch = Interlocked.Exchange(ref _spare, null) ?? new SearchScratch(DocumentCount, ElementCount);
        var context = new SearchContext(_content, filter, query.Limit, scratch);
        var ranked = new List<RankedHit>();
        var floor = float.NegativeInfinity;
        foreach (var (plan, weight) in plans)
        {
            // A rewrite's hit counts at `weight` of its score, and enters the answer only above the k-th best so
            // far: below that floor its search stops looking (max-score pruning from the first list).
            var ownFloor = float.IsNegativeInfinity(floor) ? floor : (floor / weight) - Scorer.Epsilon;
            var hits = kind == ElementType ? PlanSearch.Elements(context, plan, ownFloor) : PlanSearch.Documents(context, plan, ownFloor);
            ranked.AddRange(weight == 1f ? hits : hits.Select(h => h with { Hit = h.Hit with { Score = h.Hit.Score * weight } }));

            // Only a search that completed knows what it touched: a failed one's scratch is dropped, not pooled.
            scratch.Clear();
            if (plans.Count > 1)
            {
                floor = PlanResults.KthBest(ranked, query.Limit);
            }
        }

        Volatile.Write(ref _spare, scratch);
        var best = plans.Count == 1 ? ranked : PlanResults.Merge(ranked, query.Limit);
        unmatchedWords = PlanResults.Unmatched(plans[0].Plan, best);
        return [.. best.Select(h => h.Hit)];
    }
}
