using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>Turns cache records into DynamoDB items and back. Documents are gzip-compressed JSON, split into chunks.</summary>
internal static class ItemCodec
{
    /// <summary>
    /// Compressed bytes per document item: with the keys and small attributes beside it, an item stays well under
    /// DynamoDB's 400 KB limit.
    /// </summary>
    public const int ChunkBytes = 350 * 1024;

    /// <summary>The items of one document: chunk 0 first, every one carrying the id, chunk count and a write id.</summary>
    public static IEnumerable<Dictionary<string, AttributeValue>> DocumentItems(string partition, long generation, CachedDocument document)
    {
        var payload = Compress(document);
        var chunks = Math.Max(1, (payload.Length + ChunkBytes - 1) / ChunkBytes);
        if (chunks > TableSchema.MaxChunks)
        {
            throw new ArgumentException($"Document '{document.Id}' is too large to cache ({payload.Length} compressed bytes).", nameof(document));
        }

        // A rewrite of the same document gets a new write id, so a reader never mixes chunks of two writes.
        var writeId = Guid.NewGuid().ToString("N")[..12];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var offset = chunk * ChunkBytes;
            yield return new Dictionary<string, AttributeValue>
            {
                [TableSchema.PartitionKey] = S(partition),
                [TableSchema.SortKey] = S(TableSchema.DocumentChunk(generation, document.Id, chunk)),
                [TableSchema.DocumentId] = S(document.Id),
                [TableSchema.WriteId] = S(writeId),
                [TableSchema.Chunk] = N(chunk),
                [TableSchema.Chunks] = N(chunks),
                [TableSchema.Data] = new() { B = new MemoryStream(payload[offset..Math.Min(payload.Length, offset + ChunkBytes)], writable: false) },
            };
        }
    }

    public static DocumentPart ReadDocumentPart(Dictionary<string, AttributeValue> item) => new(
        Text(item, TableSchema.DocumentId),
        Text(item, TableSchema.WriteId),
        (int)Number(item, TableSchema.Chunk),
        (int)Number(item, TableSchema.Chunks),
        Attribute(item, TableSchema.Data).B?.ToArray() ?? throw Damaged(item, TableSchema.Data));

    /// <summary>Decompresses the concatenated chunks of one document.</summary>
    public static CachedDocument DecodeDocument(IEnumerable<byte[]> chunks)
    {
        using var compressed = new MemoryStream();
        foreach (var chunk in chunks)
        {
            compressed.Write(chunk);
        }

        compressed.Position = 0;
        using var json = new GZipStream(compressed, CompressionMode.Decompress);
        return JsonSerializer.Deserialize(json, CacheJsonContext.Default.CachedDocument)
            ?? throw new CacheUnavailableException("A cached document is empty; run `sigma-mcp cache refresh`.");
    }

    public static Dictionary<string, AttributeValue> MemberItem(string partition, long generation, CachedMember member) => new()
    {
        [TableSchema.PartitionKey] = S(partition),
        [TableSchema.SortKey] = S(TableSchema.Member(generation, member.MemberId)),
        [TableSchema.Data] = S(JsonSerializer.Serialize(member, CacheJsonContext.Default.CachedMember)),
    };

    public static CachedMember ReadMember(Dictionary<string, AttributeValue> item) =>
        JsonSerializer.Deserialize(Text(item, TableSchema.Data), CacheJsonContext.Default.CachedMember) ?? throw Damaged(item, TableSchema.Data);

    public static Dictionary<string, AttributeValue> GenerationMarkerItem(string partition, long generation) => new()
    {
        [TableSchema.PartitionKey] = S(partition),
        [TableSchema.SortKey] = S(TableSchema.GenerationMarker(generation)),
        [TableSchema.Generation] = N(generation),
    };

    /// <summary>The published metadata (absent until a first publish), or null.</summary>
    public static CacheMetadata? ReadMetadata(Dictionary<string, AttributeValue> item)
    {
        if (!item.ContainsKey(TableSchema.Metadata))
        {
            return null;
        }

        var metadata = JsonSerializer.Deserialize(Text(item, TableSchema.Metadata), CacheJsonContext.Default.CacheMetadata)
            ?? throw Damaged(item, TableSchema.Metadata);
        return metadata with
        {
            RefreshStartedAt = metadata.RefreshStartedAt.ToUniversalTime(),
            RefreshCompletedAt = metadata.RefreshCompletedAt.ToUniversalTime(),
        };
    }

    public static string SerializeMetadata(CacheMetadata metadata) => JsonSerializer.Serialize(metadata, CacheJsonContext.Default.CacheMetadata);

    /// <summary>The lease held in the metadata item, or null when none was ever taken.</summary>
    public static RefreshLease? ReadLease(string organizationId, Dictionary<string, AttributeValue> item) =>
        item.ContainsKey(TableSchema.Holder)
            ? new(
                organizationId,
                Text(item, TableSchema.Holder),
                Number(item, TableSchema.Epoch),
                DateTimeOffset.FromUnixTimeMilliseconds(Number(item, TableSchema.AcquiredAt)),
                DateTimeOffset.FromUnixTimeMilliseconds(Number(item, TableSchema.ExpiresAt)))
            : null;

    public static Dictionary<string, AttributeValue> Key(string partition, string sortKey) => new()
    {
        [TableSchema.PartitionKey] = S(partition),
        [TableSchema.SortKey] = S(sortKey),
    };

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static string Text(Dictionary<string, AttributeValue> item, string name) =>
        Attribute(item, name).S ?? throw Damaged(item, name);

    public static long Number(Dictionary<string, AttributeValue> item, string name) =>
        long.TryParse(Attribute(item, name).N, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Damaged(item, name);

    private static byte[] Compress(CachedDocument document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, document, CacheJsonContext.Default.CachedDocument);
        }

        return buffer.ToArray();
    }

    private static AttributeValue Attribute(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value : throw Damaged(item, name);

    private static CacheUnavailableException Damaged(Dictionary<string, AttributeValue> item, string attribute) => new(
        $"The cache item '{(item.TryGetValue(TableSchema.SortKey, out var sk) ? sk.S : "?")}' has no valid '{attribute}' attribute: " +
        "the table holds data sigma-mcp did not write. Use a table of its own (CACHE_TABLE_NAME), or run `sigma-mcp cache clear`.");
}
