using System.Globalization;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>
/// The one table's keys and attribute names. Every item of an organization shares the partition <c>ORG#{id}</c>;
/// the sort key says what the item is. See <c>docs/dynamodb-table.md</c>.
/// </summary>
internal static class TableSchema
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";

    /// <summary>
    /// The organization's one control item: the published <see cref="CacheMetadata"/>, the refresh lease (holder,
    /// epoch, expiry) and the generation counter, so that a publish can be conditional on the lease in one write.
    /// </summary>
    public const string MetadataSortKey = "META";

    /// <summary>Sort key of a connection's item (partition <c>CONN#{key}</c>): the organization id it reads.</summary>
    public const string ConnectionSortKey = "ORG";

    /// <summary>Prefix of the per-generation marker items that <see cref="ICache.ListGenerationsAsync"/> reads.</summary>
    public const string GenerationMarkerPrefix = "GENS#";

    /// <summary>Prefix of every document and member item.</summary>
    public const string DataPrefix = "GEN#";

    // Attributes. Expressions always name them through #placeholders, since several are reserved words (e.g. data).
    public const string Generation = "generation";
    public const string Metadata = "metadata";
    public const string Holder = "holder";
    public const string AcquiredAt = "acquiredAt";
    public const string ExpiresAt = "expiresAt";
    public const string Epoch = "epoch";
    public const string NextGeneration = "nextGeneration";
    public const string OrganizationId = "organizationId";
    public const string DocumentId = "docId";
    public const string WriteId = "writeId";
    public const string Chunk = "chunk";
    public const string Chunks = "chunks";
    public const string Data = "data";

    /// <summary>The highest chunk number a key can hold (<c>{chunk:D4}</c>).</summary>
    public const int MaxChunks = 10_000;

    public static string Partition(string organizationId) => "ORG#" + organizationId;

    public static string ConnectionPartition(string connectionKey) => "CONN#" + connectionKey;

    public static string GenerationMarker(long generation) => GenerationMarkerPrefix + Number(generation);

    /// <summary><c>GEN#{generation:D20}#</c>: every data item of one generation.</summary>
    public static string GenerationPrefix(long generation) => DataPrefix + Number(generation) + "#";

    public static string DocumentPrefix(long generation) => GenerationPrefix(generation) + "DOC#";

    public static string MemberPrefix(long generation) => GenerationPrefix(generation) + "MEM#";

    /// <summary>
    /// <c>GEN#…#DOC#{id}#{chunk:D4}</c>. Every item, the first too, ends in a fixed-width chunk number, so a key names
    /// exactly one (id, chunk) even when an id itself contains <c>#0001</c>.
    /// </summary>
    public static string DocumentChunk(long generation, string documentId, int chunk) =>
        DocumentPrefix(generation) + documentId + "#" + chunk.ToString("D4", CultureInfo.InvariantCulture);

    public static string Member(long generation, string memberId) => MemberPrefix(generation) + memberId;

    /// <summary>Parses the number of a <c>GENS#…</c> sort key.</summary>
    public static long ParseGenerationMarker(string sortKey) =>
        long.Parse(sortKey.AsSpan(GenerationMarkerPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Number(long generation) =>
        generation >= 0
            ? generation.ToString("D20", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(generation), generation, "Generations are not negative.");
}
