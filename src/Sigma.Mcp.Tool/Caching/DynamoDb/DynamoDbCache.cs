using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>
/// The cache in one DynamoDB table (design: <c>docs/dynamodb-table.md</c>), for teams and for the server run remotely.
/// Each organization is one partition; a publish is one conditional <c>PutItem</c> of the metadata item, and the lease
/// is one conditional <c>PutItem</c> too, so no transactions are needed. Thread-safe; several processes may share the table.
/// The client is used, not owned: whoever created it disposes it.
/// </summary>
internal sealed partial class DynamoDbCache(IAmazonDynamoDB client, string tableName, TimeProvider time, ILogger<DynamoDbCache> logger)
    : ICache, IAsyncDisposable
{
    private readonly DynamoDbTable _table = new(client, tableName, logger);

    /// <summary>Capacity units DynamoDB reported for this cache's calls since it was created.</summary>
    public CapacityMeter Consumed => _table.Consumed;

    public string Backend => "dynamodb";

    public string Location => $"dynamodb://{tableName}";

    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.EnsureExistsAsync(cancellationToken);

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
        var values = Held(lease);
        values[":generation"] = ItemCodec.N(metadata.Generation);
        values[":metadata"] = ItemCodec.S(ItemCodec.SerializeMetadata(metadata));
        var expected = "attribute_not_exists(#generation)";
        if (expectedCurrentGeneration != 0)
        {
            expected = "#generation = :expected";
            values[":expected"] = ItemCodec.N(expectedCurrentGeneration);
        }

        if (await _table.UpdateAsync(Partition(metadata.OrganizationId), TableSchema.MetadataSortKey,
            "SET #generation = :generation, #metadata = :metadata", HeldCondition + " AND " + expected, values, cancellationToken) is not null)
        {
            return true;
        }

        await EnsureHeldAsync(lease, cancellationToken);
        return false;
    }

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
        LogGenerationDeleted(logger, generation, organizationId);
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
