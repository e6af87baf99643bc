using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2.Model;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>Documents and members of a generation.</summary>
internal sealed partial class DynamoDbCache
{
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

    public async Task WriteDocumentsAsync(
        RefreshLease lease, long generation, IReadOnlyCollection<CachedDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(documents);
        var partition = Partition(lease.OrganizationId);
        if (documents.Count == 0)
        {
            return;
        }

        // The last of one id wins here as across calls, and a batch may not name one key twice.
        var latest = new Dictionary<string, CachedDocument>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            latest[document.Id] = document;
        }

        var puts = latest.Values.SelectMany(d => ItemCodec.DocumentItems(partition, generation, d)).Select(Put).ToList();
        await EnsureHeldAsync(lease, cancellationToken);
        await MarkGenerationAsync(partition, generation, cancellationToken);
        await _table.WriteAsync(puts, cancellationToken);
    }

    public async Task WriteMembersAsync(
        RefreshLease lease, long generation, IReadOnlyCollection<CachedMember> members, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(members);
        var partition = Partition(lease.OrganizationId);
        if (members.Count == 0)
        {
            return;
        }

        var latest = new Dictionary<string, CachedMember>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            latest[member.MemberId] = member;
        }

        var puts = latest.Values.Select(m => Put(ItemCodec.MemberItem(partition, generation, m))).ToList();
        await EnsureHeldAsync(lease, cancellationToken);
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
}
