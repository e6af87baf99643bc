using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using LiteDB;
using Json = System.Text.Json.JsonSerializer;

namespace Sigma.Mcp.Tool.Caching.LiteDb;

/// <summary>
/// The embedded cache: one LiteDB file, opened in <b>shared</b> mode, because several <c>serve</c> processes and a
/// <c>cache refresh</c> use it at once and direct mode corrupts the file when two processes write (LiteDB on Linux
/// takes no lock for direct mode). Entries are stored as JSON under keys <c>org|generation|id</c>, so one ordered range
/// of the primary key is one generation. Conditional steps (publish, lease) run in a transaction, which in shared mode
/// holds LiteDB's cross-process mutex from begin to commit. Shared mode is LiteDB's own, run by
/// <see cref="SharedFileEngine"/> so that opening the file loads no OpenSSL.
/// </summary>
internal sealed class LiteDbCache : ICache, IDisposable
{
    private const int ReadBatch = 1000;
    private readonly LiteDatabase _db;
    private readonly TimeProvider _time;

    // LiteDB's shared mode takes a named mutex, which belongs to the thread that took it: every call runs start to end on one thread, one at a time.
    private readonly Lock _gate = new();

    public LiteDbCache(string path, TimeProvider time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _db = new LiteDatabase(new SharedFileEngine(path));
        _time = time;
        Location = path;
    }

    public string Backend => "litedb";

    public string Location { get; }

    private ILiteCollection<BsonDocument> Documents => _db.GetCollection("documents");

    private ILiteCollection<BsonDocument> Members => _db.GetCollection("members");

    private ILiteCollection<BsonDocument> Metadata => _db.GetCollection("metadata");

    private ILiteCollection<BsonDocument> Leases => _db.GetCollection("leases");

    // Organization id per connection (base URL and client id), for reading without Sigma.
    private ILiteCollection<BsonDocument> Connections => _db.GetCollection("connections");

    // One marker per generation with data, so that listing generations never reads documents.
    private ILiteCollection<BsonDocument> Generations => _db.GetCollection("generations");

    // The primary key index is all the lookups need; nothing else to create.
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Run(() => _db.GetCollectionNames().Count());

    // The metadata row also holds the generation counter, so it can exist before anything was published.
    public Task<CacheMetadata?> GetMetadataAsync(string organizationId, CancellationToken cancellationToken = default) =>
        Run(() => Metadata.FindById(organizationId) is { } row && row["json"].IsString ? Read(row, CacheJsonContext.Default.CacheMetadata) : null);

    public IAsyncEnumerable<CachedDocument> ReadDocumentsAsync(string organizationId, long generation, CancellationToken cancellationToken = default) =>
        ReadRangeAsync(Documents, Prefix(organizationId, generation), CacheJsonContext.Default.CachedDocument, cancellationToken);

    public Task<CachedDocument?> GetDocumentAsync(string organizationId, long generation, string documentId, CancellationToken cancellationToken = default) =>
        Run(() => Documents.FindById(Prefix(organizationId, generation) + documentId) is { } row ? Read(row, CacheJsonContext.Default.CachedDocument) : null);

    public IAsyncEnumerable<CachedMember> ReadMembersAsync(string organizationId, long generation, CancellationToken cancellationToken = default) =>
        ReadRangeAsync(Members, Prefix(organizationId, generation), CacheJsonContext.Default.CachedMember, cancellationToken);

    public Task WriteDocumentsAsync(RefreshLease lease, long generation, IReadOnlyCollection<CachedDocument> documents, CancellationToken cancellationToken = default) =>
        WriteAsync(Documents, lease, generation, documents, d => d.Id, CacheJsonContext.Default.CachedDocument);

    public Task WriteMembersAsync(RefreshLease lease, long generation, IReadOnlyCollection<CachedMember> members, CancellationToken cancellationToken = default) =>
        WriteAsync(Members, lease, generation, members, m => m.MemberId, CacheJsonContext.Default.CachedMember);

    public Task<long> AllocateGenerationAsync(RefreshLease lease, CancellationToken cancellationToken = default) =>
        InTransaction(() =>
        {
            EnsureHeld(lease);
            var row = Metadata.FindById(lease.OrganizationId) ?? new BsonDocument { ["_id"] = lease.OrganizationId };
            var last = row["nextGeneration"].IsInt64
                ? row["nextGeneration"].AsInt64
                : Generations.Find(Query.StartsWith("_id", lease.OrganizationId + "|")).Select(r => r["generation"].AsInt64)
                    .Append(row["generation"].IsInt64 ? row["generation"].AsInt64 : 0).Max();
            row["nextGeneration"] = last + 1;
            Metadata.Upsert(row);
            return last + 1;
        });

    public Task<bool> PublishAsync(RefreshLease lease, CacheMetadata metadata, long expectedCurrentGeneration, CancellationToken cancellationToken = default) =>
        InTransaction(() =>
        {
            EnsureHeld(lease);
            var row = Metadata.FindById(metadata.OrganizationId) ?? new BsonDocument { ["_id"] = metadata.OrganizationId };
            var current = row["generation"].IsInt64 ? row["generation"].AsInt64 : 0;
            if (current != expectedCurrentGeneration)
            {
                return false;
            }

            row["json"] = Json.Serialize(metadata, CacheJsonContext.Default.CacheMetadata);
            row["generation"] = metadata.Generation;
            Metadata.Upsert(row);
            return true;
        });

    public Task<string?> GetOrganizationAsync(string connectionKey, CancellationToken cancellationToken = default) =>
        Run(() => Connections.FindById(connectionKey) is { } row ? row["organizationId"].AsString : null);

    public Task SetOrganizationAsync(string connectionKey, string organizationId, CancellationToken cancellationToken = default) =>
        InTransaction(() => Connections.Upsert(new BsonDocument { ["_id"] = connectionKey, ["organizationId"] = organizationId }));

    public Task<IReadOnlyList<long>> ListGenerationsAsync(string organizationId, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<long>>(() =>
            [.. Generations.Find(Query.StartsWith("_id", organizationId + "|")).Select(r => r["generation"].AsInt64).Order()]);

    public Task DeleteGenerationAsync(string organizationId, long generation, CancellationToken cancellationToken = default) =>
        InTransaction(() => DeletePrefix(Prefix(organizationId, generation)) + (Generations.Delete(Prefix(organizationId, generation)) ? 1 : 0));

    public Task ClearAsync(string organizationId, CancellationToken cancellationToken = default) =>
        InTransaction(() =>
        {
            DeletePrefix(organizationId + "|");
            Generations.DeleteMany(Query.StartsWith("_id", organizationId + "|"));
            Metadata.Delete(organizationId);
            Leases.Delete(organizationId);
            return 0;
        });

    public Task<LeaseResult> TryAcquireLeaseAsync(string organizationId, string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
        InTransaction(() =>
        {
            var now = _time.GetUtcNow();
            var existing = ReadLease(organizationId);
            if (existing is not null && existing.Holder != holder && existing.ExpiresAt > now && !LeaseHolder.IsDeadLocalProcess(existing.Holder))
            {
                return new LeaseResult(null, existing);
            }

            var lease = new RefreshLease(organizationId, holder, (existing?.Epoch ?? 0) + 1, now, now + duration);
            Leases.Upsert(Row(organizationId, lease, CacheJsonContext.Default.RefreshLease));
            return new LeaseResult(lease, null);
        });

    public Task RenewLeaseAsync(RefreshLease lease, TimeSpan duration, CancellationToken cancellationToken = default) =>
        InTransaction(() =>
        {
            var existing = EnsureHeld(lease);
            Leases.Upsert(Row(lease.OrganizationId, existing with { ExpiresAt = _time.GetUtcNow() + duration }, CacheJsonContext.Default.RefreshLease));
            return 0;
        });

    public Task ReleaseLeaseAsync(RefreshLease lease, CancellationToken cancellationToken = default) =>
        InTransaction(() =>
        {
            // Expired rather than deleted: the epoch must keep growing.
            var existing = ReadLease(lease.OrganizationId);
            return existing is not null && existing.Holder == lease.Holder && existing.Epoch == lease.Epoch
                && Leases.Upsert(Row(lease.OrganizationId, existing with { ExpiresAt = DateTimeOffset.UnixEpoch }, CacheJsonContext.Default.RefreshLease));
        });

    private RefreshLease? ReadLease(string organizationId) =>
        Leases.FindById(organizationId) is { } row ? Read(row, CacheJsonContext.Default.RefreshLease) : null;

    // Inside a transaction, so the check and the write that follows are one atomic step across processes.
    private RefreshLease EnsureHeld(RefreshLease lease)
    {
        var existing = ReadLease(lease.OrganizationId);
        return existing is not null && existing.Holder == lease.Holder && existing.Epoch == lease.Epoch
            ? existing
            : throw LeaseLostException.To(existing?.Holder);
    }

    public void Dispose() => _db.Dispose();

    private async IAsyncEnumerable<T> ReadRangeAsync<T>(
        ILiteCollection<BsonDocument> collection, string prefix, JsonTypeInfo<T> type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Batches by key, each a seek on the primary key index read start to end on one thread: never a lazy LiteDB
        // cursor across an await, and never a scan of other generations.
        var after = prefix;
        while (true)
        {
            var from = after;
            var batch = await Run(() => collection.Find(Query.GT("_id", from), limit: ReadBatch)
                .TakeWhile(r => r["_id"].AsString.StartsWith(prefix, StringComparison.Ordinal))
                .ToList());
            foreach (var row in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return Read(row, type);
            }

            if (batch.Count < ReadBatch)
            {
                yield break;
            }

            after = batch[^1]["_id"].AsString;
        }
    }

    private Task<int> WriteAsync<T>(ILiteCollection<BsonDocument> collection, RefreshLease lease, long generation, IReadOnlyCollection<T> items,
        Func<T, string> id, JsonTypeInfo<T> type)
    {
        var prefix = Prefix(lease.OrganizationId, generation);
        return InTransaction(() =>
        {
            EnsureHeld(lease);
            Generations.Upsert(new BsonDocument { ["_id"] = prefix, ["generation"] = generation });
            return collection.Upsert(items.Select(item => Row(prefix + id(item), item, type)));
        });
    }

    private int DeletePrefix(string prefix) =>
        Documents.DeleteMany(Query.StartsWith("_id", prefix)) + Members.DeleteMany(Query.StartsWith("_id", prefix));

    private Task<T> InTransaction<T>(Func<T> work) => Run(() =>
    {
        _db.BeginTrans();
        try
        {
            var result = work();
            _db.Commit();
            return result;
        }
        catch
        {
            _db.Rollback();
            throw;
        }
    });

    private Task<T> Run<T>(Func<T> work) => Task.Run(() =>
    {
        lock (_gate)
        {
            return work();
        }
    });

    private static string Prefix(string organizationId, long generation) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{organizationId}|{generation:D20}|");

    private static BsonDocument Row<T>(string id, T value, JsonTypeInfo<T> type, params (string Name, BsonValue Value)[] extra)
    {
        var row = new BsonDocument { ["_id"] = id, ["json"] = Json.Serialize(value, type) };
        foreach (var (name, v) in extra)
        {
            row[name] = v;
        }

        return row;
    }

    private static T Read<T>(BsonDocument row, JsonTypeInfo<T> type) =>
        Json.Deserialize(row["json"].AsString, type) ?? throw new InvalidDataException("A cache entry was empty.");
}
