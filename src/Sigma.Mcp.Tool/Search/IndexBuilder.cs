using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Builds an <see cref="IndexContent"/> from documents in one pass: each document's fields and elements are
/// tokenized into provisional term ids and posted, then the terms are sorted and the postings laid out.
/// </summary>
internal sealed class IndexBuilder
{
    private readonly CachedDocument[] _documents;
    private readonly DocumentFacts[] _facts;
    private readonly float[] _prior;
    private readonly int[] _elementStart;
    private readonly Dictionary<string, int> _byId;
    private readonly DateTimeOffset _newest;

    private readonly BuildVocabulary _vocabulary = new();
    private readonly PostingListsBuilder _documentPostings = new(SearchWeights.FieldCount);
    private readonly PostingListsBuilder _elementPostings = new(SearchWeights.ElementFieldCount);
    private readonly TermIdSet[] _fields = [.. Enumerable.Range(0, SearchWeights.FieldCount).Select(_ => new TermIdSet())];
    private readonly TermIdSet _elementName = new();
    private readonly TermIdSet _elementColumns = new();
    private readonly Dictionary<(string, string?), int> _owners = [];
    private readonly Dictionary<string, int> _paths = new(StringComparer.Ordinal);
    private readonly List<CachedElement> _elements = [];
    private readonly List<int> _elementDocument = [];
    private readonly List<byte> _elementNameTokens = [];

    private IndexBuilder(IReadOnlyCollection<CachedDocument> documents)
    {
        _documents = [.. documents.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)];
        _facts = new DocumentFacts[_documents.Length];
        _prior = new float[_documents.Length];
        _elementStart = new int[_documents.Length + 1];
        _byId = new Dictionary<string, int>(_documents.Length * 2, StringComparer.Ordinal);
        _newest = _documents.Length > 0 ? _documents[0].UpdatedAt : default;
    }

    /// <summary>Indexes <paramref name="documents"/>, in any order.</summary>
    public static IndexContent Build(IReadOnlyCollection<CachedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var builder = new IndexBuilder(documents);
        for (var d = 0; d < builder._documents.Length; d++)
        {
            builder.Add(d);
        }

        return builder.Finish();
    }

    private void Add(int d)
    {
        var document = _documents[d];
        _byId.TryAdd(document.Id, d);
        if (document.UrlId is { } urlId)
        {
            _byId.TryAdd(urlId, d);
        }

        var name = _vocabulary.TermIds(document.Name);
        _fields[(int)SearchField.Name].Add(name);
        _fields[(int)SearchField.Description].Add(_vocabulary.TermIds(document.Description));
        _fields[(int)SearchField.Path].Add(_vocabulary.TermIds(document.Path));
        _fields[(int)SearchField.Owner].Add(_vocabulary.TermIds(document.OwnerName));
        foreach (var tag in document.Tags)
        {
            _fields[(int)SearchField.Tag].Add(_vocabulary.TermIds(tag));
        }

        _elementStart[d] = _elements.Count;
        foreach (var element in document.Elements)
        {
            AddElement(element, d);
        }

        for (var f = 0; f < _fields.Length; f++)
        {
            _fields[f].EmitTo(_documentPostings, f, d);
        }

        _prior[d] = DocumentPrior.Of(document, TextNormalizer.Tokenize(document.Name), _newest);
        _facts[d] = new DocumentFacts(
            (byte)DocumentFilter.DocumentTypesIndex(document.Type),
            BadgeKinds.Parse(document.Badge),
            document.IsArchived,
            (byte)Math.Min(name.Length, byte.MaxValue),
            IndexOf(_owners, (TextNormalizer.Normalize(document.OwnerName), document.OwnerId)),
            IndexOf(_paths, TextNormalizer.Normalize(document.Path)),
            document.UpdatedAt.UtcTicks);
    }

    // An element's name and columns count for its document (element and column fields) and for itself.
    private void AddElement(CachedElement element, int document)
    {
        var elementName = _vocabulary.TermIds(element.Name);
        _fields[(int)SearchField.Element].Add(elementName);
        _elementName.Add(elementName);
        foreach (var column in element.Columns)
        {
            var columnIds = _vocabulary.TermIds(column);
            _fields[(int)SearchField.Column].Add(columnIds);
            _elementColumns.Add(columnIds);
        }

        _elementName.EmitTo(_elementPostings, 0, _elements.Count);
        _elementColumns.EmitTo(_elementPostings, 1, _elements.Count);
        _elements.Add(element);
        _elementDocument.Add(document);
        _elementNameTokens.Add((byte)Math.Min(elementName.Length, byte.MaxValue));
    }

    private IndexContent Finish()
    {
        _elementStart[_documents.Length] = _elements.Count;
        var ownerNames = _owners.OrderBy(o => o.Value).Select(o => o.Key.Item1).ToArray();
        var paths = _paths.OrderBy(p => p.Value).Select(p => p.Key).ToArray();
        var (termTexts, finalIds) = _vocabulary.Finish();
        var terms = new TermDictionary(termTexts);
        return new IndexContent
        {
            Documents = _documents,
            Facts = _facts,
            NameTokens = [.. _facts.Select(f => f.NameTokens)],
            FilterKeys = [.. _facts.Select(f => FilterKey.Of(f))],
            Prior = _prior,
            Elements = [.. _elements],
            ElementStart = _elementStart,
            ElementDocument = [.. _elementDocument],
            ElementNameTokens = [.. _elementNameTokens],
            OwnerNames = ownerNames,
            OwnerIds = [.. _owners.OrderBy(o => o.Value).Select(o => o.Key.Item2)],
            Paths = paths,
            ById = _byId,
            Terms = terms,
            Vocabulary = new SearchVocabulary(terms, ownerNames, paths),
            DocumentPostings = _documentPostings.Build(finalIds),
            ElementPostings = _elementPostings.Build(finalIds),
        };
    }

    private static int IndexOf<TKey>(Dictionary<TKey, int> distinct, TKey key)
        where TKey : notnull
    {
        if (!distinct.TryGetValue(key, out var index))
        {
            index = distinct.Count;
            distinct.Add(key, index);
        }

        return index;
    }
}
