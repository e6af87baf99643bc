using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>
/// The cache in one DynamoDB table (design: <c>docs/dynamodb-table.md</c>), for teams and for the server run remotely.
/// Each organization is one partition; a publish is one conditional <c>PutItem</c> of the metadata item, and the lease
/// is one conditional <c>PutItem</c> too, so no transactions are needed. Thread-safe; several processes may share the table.
/// The client is used, not owned: whoever created it disposes it.
/// </summary>
internal sealed partial class DynamoDbCache : ICache, IAsyncDisposable
{
    private readonly DynamoDbTable _table;
    private readonly DynamoDbLeases _leases;
    private readonly IAmazonDynamoDB _client;
    private readonly string _tableName;
    private readonly ILogger<DynamoDbCache> _logger;

    public DynamoDbCache(IAmazonDynamoDB client, string tableName, TimeProvider time, ILogger<DynamoDbCache> logger)
    {
        _table = new DynamoDbTable(client, tableName, logger);
        _leases = new DynamoDbLeases(_table, tableName, time, logger);
        _client = client;
        _tableName = tableName;
        _logger = logger;
    }

    /// <summary>Capacity units DynamoDB reported for this cache's calls since it was created.</summary>
    public CapacityMeter Consumed => _table.Consumed;

    public string Backend => "dynamodb";

    public string Location => $"dynamodb://{_tableName}";

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        new DynamoDbTableProvisioner(_client, _tableName, _table.Where, _logger).EnsureExistsAsync(cancellationToken);

    public async Task<CacheMetadata?> GetMetadataAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        var item = await _table.GetAsync(Partition(organizationId), TableSchema.MetadataSortKey, cancellationToken);
        return item is null ? null : ItemCodec.ReadMetadata(item);
    }

    public async Task<bool> PublishAsync(RefreshLease lease, CacheMetadata metadata, long expectedCurrentGeneration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedCurrentGeneration);

        // One conditional update of the item that holds the lease: the fence and the switch are one atomic step.
        var values = DynamoDbLeases.Held(lease);
        values[":generation"] = ItemCodec.N(metadata.Generation);
        values[":metadata"] = ItemCodec.S(ItemCodec.SerializeMetadata(metadata));
        var expected = "attribute_not_exists(#generation)";
        if (expectedCurrentGeneration != 0)
        {
            expected = "#generation = :expected";
            values[":expected"] = ItemCodec.N(expectedCurrentGeneration);
        }

        if (await _table.UpdateAsync(Partition(metadata.OrganizationId), TableSchema.MetadataSortKey,
            "SET #generation = :generation, #metadata = :metadata", DynamoDbLeases.HeldCondition + " AND " + expected, values, cancellationToken) is not null)
        {
            return true;
        }

        await _leases.EnsureHeldAsync(lease, cancellationToken);
        return false;
    }

    public Task<LeaseResult> TryAcquireLeaseAsync(string organizationId, string holder, TimeSpan duration, CancellationToken cancellationToken = default) =>
        _leases.TryAcquireAsync(organizationId, holder, duration, cancellationToken);

    public Task RenewLeaseAsync(RefreshLease lease, TimeSpan duration, CancellationToken cancellationToken = default) =>
        _leases.RenewAsync(lease, duration, cancellationToken);

    public Task ReleaseLeaseAsync(RefreshLease lease, CancellationToken cancellationToken = default) => _leases.ReleaseAsync(lease, cancellationToken);

    public async Task<long> AllocateGenerationAsync(RefreshLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var partition = Partition(lease.OrganizationId);
        var item = await _table.GetAsync(partition, TableSchema.MetadataSortKey, cancellationToken);
        if (item is null || !item.ContainsKey(TableSchema.NextGeneration))
        {
            // A table written before the counter existed: start above every generation already stored.
            var stored = (await ListGenerationsAsync(lease.OrganizationId, cancellationToken))
                .Append(item is not null && item.ContainsKey(TableSchema.Generation) ? ItemCodec.Number(item, TableSchema.Generation) : 0).Max();
            var start = DynamoDbLeases.Held(lease);
            start[":start"] = ItemCodec.N(stored);
            await _table.UpdateAsync(partition, TableSchema.MetadataSortKey, "SET #nextGeneration = :start",
                "attribute_not_exists(#nextGeneration) AND " + DynamoDbLeases.HeldCondition, start, cancellationToken);
        }

        var values = DynamoDbLeases.Held(lease);
        values[":one"] = ItemCodec.N(1);
        var updated = await _table.UpdateAsync(partition, TableSchema.MetadataSortKey, "ADD #nextGeneration :one", DynamoDbLeases.HeldCondition, values, cancellationToken)
            ?? throw await _leases.LostAsync(lease, cancellationToken);
        return ItemCodec.Number(updated, TableSchema.NextGeneration);
    }

    public async IAsyncEnumerable<CachedDocument> ReadDocumentsAsync(
        string organizationId, long generation, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var assembler = new DocumentAssembler(generation);
        await foreach (var item in QueryPrefixAsync(Partition(organizationId), TableSchema.DocumentPrefix(generation), keysOnly: false, cancellationToken))
        {
            if (assembler.Add(item) is { } document)
            {
                yield return document;
            }
        }

        assembler.Finish();
    }

    public async Task<CachedDocument?> GetDocumentAsync(string organizationId, long generation, string documentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);

        // The key range of this id also holds ids that extend it ("a" and "a#0001#0000"), hence the filter on the id itself.
        var values = new Dictionary<string, AttributeValue>
        {
            [":first"] = ItemCodec.S(TableSchema.DocumentChunk(generation, documentId, 0)),
            [":last"] = ItemCodec.S(TableSchema.DocumentChunk(generation, documentId, TableSchema.MaxChunks - 1)),
            [":id"] = ItemCodec.S(documentId),
        };
        var assembler = new DocumentAssembler(generation);
        CachedDocument? found = null;
        await foreach (var item in _table.QueryAsync(
            Partition(organizationId), "#sk BETWEEN :first AND :last", values, filter: "#docId = :id", cancellationToken: cancellationToken))
        {
            found ??= assembler.Add(item);
        }

        assembler.Finish();
        return found;
    }

    public async IAsyncEnumerable<CachedMember> ReadMembersAsync(
        string organizationId, long generation, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in QueryPrefixAsync(Partition(organizationId), TableSchema.MemberPrefix(generation), keysOnly: false, cancellationToken))
        {
            yield return ItemCodec.ReadMember(item);
        }
    }

    public Task WriteDocumentsAsync(
        RefreshLease lease, long generation, IReadOnlyCollection<CachedDocument> documents, CancellationToken cancellationToken = default) =>
        WriteLatestAsync(lease, generation, documents, d => d.Id, ItemCodec.DocumentItems, cancellationToken);

    public Task WriteMembersAsync(
        RefreshLease lease, long generation, IReadOnlyCollection<CachedMember> members, CancellationToken cancellationToken = default) =>
        WriteLatestAsync(lease, generation, members, m => m.MemberId, (partition, g, m) => [ItemCodec.MemberItem(partition, g, m)], cancellationToken);

    private async Task WriteLatestAsync<T>(
        RefreshLease lease, long generation, IReadOnlyCollection<T> values, Func<T, string> key,
        Func<string, long, T, IEnumerable<Dictionary<string, AttributeValue>>> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(values);
        var partition = Partition(lease.OrganizationId);
        if (values.Count == 0)
        {
            return;
        }

        // The last of one id wins here as across calls, and a batch may not name one key twice.
        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            latest[key(value)] = value;
        }

        var puts = latest.Values.SelectMany(v => items(partition, generation, v)).Select(Put).ToList();
        await _leases.EnsureHeldAsync(lease, cancellationToken);
        await MarkGenerationAsync(partition, generation, cancellationToken);
        await _table.WriteAsync(puts, cancellationToken);
    }

    /// <summary>
    /// Written before the data, after checking that the lease is still held (DynamoDB has no condition across items
    /// without transactions: a generation number belongs to the one refresh that allocated it, and the publish is
    /// fenced atomically, so a write that slips past a lease lost a moment ago lands in a generation nobody publishes),
    /// so that a refresh that dies half-way still leaves its generation listed for deletion.
    /// </summary>
    private async Task MarkGenerationAsync(string partition, long generation, CancellationToken cancellationToken) =>
        await _table.PutAsync(ItemCodec.GenerationMarkerItem(partition, generation), null, null, cancellationToken);

    private static WriteRequest Put(Dictionary<string, AttributeValue> item) => new() { PutRequest = new PutRequest { Item = item } };

    public async Task<string?> GetOrganizationAsync(string connectionKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionKey);
        var item = await _table.GetAsync(TableSchema.ConnectionPartition(connectionKey), TableSchema.ConnectionSortKey, cancellationToken);
        return item is null ? null : ItemCodec.Text(item, TableSchema.OrganizationId);
    }

    public async Task SetOrganizationAsync(string connectionKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionKey);
        var item = ItemCodec.Key(TableSchema.ConnectionPartition(connectionKey), TableSchema.ConnectionSortKey);
        item[TableSchema.OrganizationId] = ItemCodec.S(organizationId);
        await _table.PutAsync(item, null, null, cancellationToken);
    }

    public async Task<IReadOnlyList<long>> ListGenerationsAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        // Marker items, not the data: a query reads (and bills) whole items even when it projects only keys.
        var generations = new List<long>();
        await foreach (var item in QueryPrefixAsync(Partition(organizationId), TableSchema.GenerationMarkerPrefix, keysOnly: true, cancellationToken))
        {
            generations.Add(TableSchema.ParseGenerationMarker(ItemCodec.Text(item, TableSchema.SortKey)));
        }

        return generations;
    }

    public async Task DeleteGenerationAsync(string organizationId, long generation, CancellationToken cancellationToken = default)
    {
        var partition = Partition(organizationId);
        await DeleteAllAsync(QueryPrefixAsync(partition, TableSchema.GenerationPrefix(generation), keysOnly: true, cancellationToken), cancellationToken);

        // The marker goes last, so a deletion that dies half-way is still listed, and finished by the next refresh.
        await _table.DeleteAsync(partition, TableSchema.GenerationMarker(generation), null, null, cancellationToken);
        LogGenerationDeleted(_logger, generation, organizationId);
    }

    public async Task ClearAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        var partition = Partition(organizationId);

        // Readers stop first, then the data goes, then the markers and the lease.
        await _table.DeleteAsync(partition, TableSchema.MetadataSortKey, null, null, cancellationToken);
        await DeleteAllAsync(QueryPrefixAsync(partition, TableSchema.DataPrefix, keysOnly: true, cancellationToken), cancellationToken);
        await DeleteAllAsync(_table.QueryAsync(partition, null, null, keysOnly: true, cancellationToken: cancellationToken), cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // nothing owned: the client is the caller's

    private static string Partition(string organizationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        return TableSchema.Partition(organizationId);
    }

    private IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryPrefixAsync(
        string partition, string prefix, bool keysOnly, CancellationToken cancellationToken) =>
        _table.QueryAsync(partition, "begins_with(#sk, :prefix)", new() { [":prefix"] = ItemCodec.S(prefix) }, keysOnly: keysOnly, cancellationToken: cancellationToken);

    private async Task DeleteAllAsync(IAsyncEnumerable<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken)
    {
        var deletes = new List<WriteRequest>();
        await foreach (var key in keys.WithCancellation(cancellationToken))
        {
            deletes.Add(new WriteRequest { DeleteRequest = new DeleteRequest { Key = key } });
        }

        await _table.WriteAsync(deletes, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deleted cache generation {Generation} of organization {OrganizationId}")]
    private static partial void LogGenerationDeleted(ILogger logger, long generation, string organizationId);
}
