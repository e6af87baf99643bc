namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// The per-search working memory: one accumulator per document (and per element, allocated on first element
/// search) and the list of those touched, so that a search costs what it matched, not the index size. Rented
/// from the index's pool, one per concurrent search, and cleared on return.
/// </summary>
internal sealed class SearchScratch(int documentCount, int elementCount)
{
    private Accumulator[]? _elements;
    private int[]? _touchedElements;
    private int[]? _candidateDocuments;
    private int[]? _candidateElements;
    private ulong[]? _documentBits;
    private ulong[]? _elementBits;

    public Accumulator[] Documents { get; } = new Accumulator[documentCount];

    public int[] TouchedDocuments { get; } = new int[documentCount];

    public int TouchedDocumentCount { get; set; }

    public Accumulator[] Elements => _elements ??= new Accumulator[elementCount];

    public int[] TouchedElements => _touchedElements ??= new int[elementCount];

    public int TouchedElementCount { get; set; }

    /// <summary>Room for the candidates left after pruning (see <see cref="ListReader"/>).</summary>
    public int[] CandidateDocuments => _candidateDocuments ??= new int[documentCount];

    public int[] CandidateElements => _candidateElements ??= new int[elementCount];

    /// <summary>One bit per document or element, all clear between uses (see <see cref="SortedInts.SortDistinct"/>).</summary>
    public ulong[] DocumentBits => _documentBits ??= new ulong[(documentCount + 63) / 64];

    public ulong[] ElementBits => _elementBits ??= new ulong[(elementCount + 63) / 64];

    public void Clear()
    {
        for (var i = 0; i < TouchedDocumentCount; i++)
        {
            Documents[TouchedDocuments[i]] = default;
        }

        for (var i = 0; i < TouchedElementCount; i++)
        {
            _elements![_touchedElements![i]] = default;
        }

        TouchedDocumentCount = 0;
        TouchedElementCount = 0;
    }
}
