using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>The index's data and how it is built from documents.</summary>
internal sealed partial class SearchIndex
{
    // Documents in (updated desc, id) order: a document's number is its tie-break rank.
    private readonly CachedDocument[] _documents;
    private readonly DocumentFacts[] _facts;

    // All elements, grouped by document: document d's are [_elementStart[d], _elementStart[d + 1]).
    private readonly CachedElement[] _elements;
    private readonly int[] _elementDocument;
    private readonly byte[] _elementNameTokens;
    private readonly int[] _elementStart;

    private readonly string[] _ownerNames;
    private readonly string?[] _ownerIds;
    private readonly string[] _paths;
    private readonly Dictionary<string, int> _byId;

    private readonly TermDictionary _terms;
    private readonly SearchVocabulary _vocabulary;

    // Per document: trust and freshness (see DocumentPrior), added to every search's score.
    private readonly float[] _prior;
    private readonly PostingLists _documentPostings;
    private readonly PostingLists _elementPostings;

    private SearchIndex(IReadOnlyCollection<CachedDocument> documents, long generation)
    {
        ArgumentNullException.ThrowIfNull(documents);
        Generation = generation;
        _documents = [.. documents.OrderByDescending(d => d.UpdatedAt).ThenBy(d => d.Id, StringComparer.Ordinal)];
        _facts = new DocumentFacts[_documents.Length];
        _prior = new float[_documents.Length];
        var newest = _documents.Length > 0 ? _documents[0].UpdatedAt : default;
        _elementStart = new int[_documents.Length + 1];
        _byId = new Dictionary<string, int>(_documents.Length * 2, StringComparer.Ordinal);

        var vocabulary = new BuildVocabulary();
        var documentPostings = new PostingListsBuilder(SearchWeights.FieldCount);
        var elementPostings = new PostingListsBuilder(SearchWeights.ElementFieldCount);
        var fields = Enumerable.Range(0, SearchWeights.FieldCount).Select(_ => new TermIdSet()).ToArray();
        var elementFields = new[] { new TermIdSet(), new TermIdSet() };
        var owners = new Dictionary<(string, string?), int>();
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        var elements = new List<CachedElement>();
        var elementDocument = new List<int>();
        var elementNameTokens = new List<byte>();

        for (var d = 0; d < _documents.Length; d++)
        {
            var document = _documents[d];
            _byId.TryAdd(document.Id, d);
            if (document.UrlId is { } urlId)
            {
                _byId.TryAdd(urlId, d);
            }

            var name = vocabulary.TermIds(document.Name);
            fields[(int)SearchField.Name].Add(name);
            fields[(int)SearchField.Description].Add(vocabulary.TermIds(document.Description));
            fields[(int)SearchField.Path].Add(vocabulary.TermIds(document.Path));
            fields[(int)SearchField.Owner].Add(vocabulary.TermIds(document.OwnerName));
            foreach (var tag in document.Tags)
            {
                fields[(int)SearchField.Tag].Add(vocabulary.TermIds(tag));
            }

            _elementStart[d] = elements.Count;
            foreach (var element in document.Elements)
            {
                var elementName = vocabulary.TermIds(element.Name);
                fields[(int)SearchField.Element].Add(elementName);
                elementFields[0].Add(elementName);
                foreach (var column in element.Columns)
                {
                    var columnIds = vocabulary.TermIds(column);
                    fields[(int)SearchField.Column].Add(columnIds);
                    elementFields[1].Add(columnIds);
                }

                elementFields[0].EmitTo(elementPostings, 0, elements.Count);
                elementFields[1].EmitTo(elementPostings, 1, elements.Count);
                elements.Add(element);
                elementDocument.Add(d);
                elementNameTokens.Add((byte)Math.Min(elementName.Length, byte.MaxValue));
            }

            for (var f = 0; f < fields.Length; f++)
            {
                fields[f].EmitTo(documentPostings, f, d);
            }

            _prior[d] = DocumentPrior.Of(document, TextNormalizer.Tokenize(document.Name), newest);
            var ownerKey = (TextNormalizer.Normalize(document.OwnerName), document.OwnerId);
            var pathKey = TextNormalizer.Normalize(document.Path);
            _facts[d] = new DocumentFacts(
                (byte)DocumentFilter.DocumentTypesIndex(document.Type),
                BadgeKinds.Parse(document.Badge),
                document.IsArchived,
                (byte)Math.Min(name.Length, byte.MaxValue),
                IndexOf(owners, ownerKey),
                IndexOf(paths, pathKey),
                document.UpdatedAt.UtcTicks);
        }

        _elementStart[_documents.Length] = elements.Count;
        _elements = [.. elements];
        _elementDocument = [.. elementDocument];
        _elementNameTokens = [.. elementNameTokens];
        _ownerNames = [.. owners.OrderBy(o => o.Value).Select(o => o.Key.Item1)];
        _ownerIds = [.. owners.OrderBy(o => o.Value).Select(o => o.Key.Item2)];
        _paths = [.. paths.OrderBy(p => p.Value).Select(p => p.Key)];

        var (terms, finalIds) = vocabulary.Finish();
        _terms = new TermDictionary(terms);
        _vocabulary = new SearchVocabulary(_terms, _ownerNames, _paths);
        _documentPostings = documentPostings.Build(finalIds);
        _elementPostings = elementPostings.Build(finalIds);
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
