using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Store;

/// <summary>
/// Copy-on-write document storage: reads take the current <see cref="DocumentSnapshot"/> without locking; writes
/// (rare, from tests) rebuild it under a lock. Sequences only grow, which keeps page tokens valid across writes.
/// </summary>
internal sealed class DocumentStore
{
    private readonly Lock _gate = new();
    private DocumentSnapshot _current;
    private long _lastSequence;

    public DocumentStore(IEnumerable<SandboxDocument> documents)
    {
        SandboxDocument[] ordered = [.. documents.Select(d => d with { Sequence = ++_lastSequence })];
        _current = DocumentSnapshot.Create(ordered);
    }

    public DocumentSnapshot Current => Volatile.Read(ref _current);

    public T Add<T>(T document)
        where T : SandboxDocument
    {
        lock (_gate)
        {
            var stored = (T)(document with { Sequence = ++_lastSequence });
            Publish([.. _current.All, stored]);
            return stored;
        }
    }

    /// <summary>Replaces a document, keeping its id and position; null when there is no such document.</summary>
    public T? Replace<T>(string id, Func<T, T> change)
        where T : SandboxDocument
    {
        lock (_gate)
        {
            if (_current.Find<T>(id) is not { } existing)
            {
                return null;
            }

            var updated = (T)(change(existing) with { Id = existing.Id, Sequence = existing.Sequence });
            Publish([.. _current.All.Select(d => ReferenceEquals(d, existing) ? updated : d)]);
            return updated;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (_current.Find<SandboxDocument>(id) is not { } existing)
            {
                return false;
            }

            Publish([.. _current.All.Where(d => !ReferenceEquals(d, existing))]);
            return true;
        }
    }

    private void Publish(SandboxDocument[] ordered) => Volatile.Write(ref _current, DocumentSnapshot.Create(ordered));
}
