using Amazon.DynamoDBv2.Model;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>
/// Puts documents back together from their items, in any order. A document is returned only when every chunk of
/// its latest write is there; <see cref="Finish"/> throws when one is not, so a reader never gets a partial document.
/// </summary>
internal sealed class DocumentAssembler(long generation)
{
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);

    /// <summary>Takes one item; returns its document when that item completed it.</summary>
    public CachedDocument? Add(Dictionary<string, AttributeValue> item)
    {
        var part = ItemCodec.ReadDocumentPart(item);
        if (part is { Chunk: 0, Chunks: 1 })
        {
            _pending.Remove(part.DocumentId); // chunks of an earlier, larger write of the same document
            return ItemCodec.DecodeDocument([part.Data]);
        }

        if (!_pending.TryGetValue(part.DocumentId, out var pending))
        {
            pending = new Pending();
            _pending[part.DocumentId] = pending;
        }

        if (part.Chunk == 0)
        {
            pending.Head = part; // chunk 0 is rewritten by every write, so it names the latest one
        }

        pending.Parts[(part.WriteId, part.Chunk)] = part.Data;
        if (pending.Head is not { } head || !IsComplete(pending, head))
        {
            return null;
        }

        _pending.Remove(part.DocumentId);
        return ItemCodec.DecodeDocument(Enumerable.Range(0, head.Chunks).Select(i => pending.Parts[(head.WriteId, i)]));
    }

    /// <summary>Call after the last item: throws when a document's first chunk came without all of the others.</summary>
    /// <exception cref="CacheUnavailableException">A document is incomplete.</exception>
    public void Finish()
    {
        // Chunks without a chunk 0 belong to no document (left by a rewrite or a deletion) and are ignored.
        foreach (var (id, pending) in _pending)
        {
            if (pending.Head is { } head)
            {
                var missing = Enumerable.Range(0, head.Chunks).First(i => !pending.Parts.ContainsKey((head.WriteId, i)));
                throw new CacheUnavailableException(
                    $"Cached document '{id}' of generation {generation} is missing chunk {missing} of {head.Chunks}: the generation changed while it " +
                    "was read, or a write did not finish. Read it again; if this persists, run `sigma-mcp cache refresh`.");
            }
        }
    }

    private static bool IsComplete(Pending pending, DocumentPart head)
    {
        for (var i = 0; i < head.Chunks; i++)
        {
            if (!pending.Parts.ContainsKey((head.WriteId, i)))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Pending
    {
        public DocumentPart? Head { get; set; }

        public Dictionary<(string WriteId, int Chunk), byte[]> Parts { get; } = [];
    }
}
