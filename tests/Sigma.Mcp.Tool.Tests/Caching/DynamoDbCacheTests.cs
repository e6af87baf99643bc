using System.Collections.Concurrent;
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Caching.DynamoDb;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Caching;

/// <summary>The cache contract on dynalite (a fresh table per test), plus what is particular to DynamoDB: pages, batches, chunks, the table.</summary>
public sealed class DynamoDbCacheTests(DynaliteFixture dynalite) : CacheContractTests, IClassFixture<DynaliteFixture>
{
    private const string Org = "org-ddb";
    private readonly List<IDisposable> _clients = [];
    private readonly Dictionary<DynamoDbCache, RefreshLease> _leases = new(ReferenceEqualityComparer.Instance);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _clients.ForEach(c => c.Dispose());
    }

    private protected override Task<ICache> CreateCacheAsync(TimeProvider time) =>
        Task.FromResult<ICache>(NewCache(Track(dynalite.CreateClient()), DynaliteFixture.NewTableName("contract"), time));

    [Fact]
    public async Task ReadDocuments_GenerationOfSeveralQueryPages_EveryDocumentOnce()
    {
        var (cache, client) = await NewInitializedCacheAsync();
        var documents = Enumerable.Range(0, 3_000).Select(i => Document($"wb-{i:D5}", bulkBytes: 1_500)).ToList();
        await cache.WriteDocumentsAsync(await LeaseAsync(cache), 1, documents, TestTimeouts.Token());
        client.Queries = 0;

        var ids = await cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).Select(d => d.Id).ToListAsync();

        ids.ShouldBeExactly(documents.Select(d => d.Id));
        client.Queries.Should().BeGreaterThan(3, "about 5 MB of items need several 1 MB query pages");
    }

    [Fact]
    public async Task CapacityMeter_SumsWhatDynamoDbReports_OneWriteUnitPerKilobyteOfEachItem()
    {
        var (cache, _) = await NewInitializedCacheAsync();
        var lease = await LeaseAsync(cache);
        var before = cache.Consumed.WriteUnits;
        var small = Enumerable.Range(0, 30).Select(i => Document($"wb-{i:D3}")).ToList();
        var large = Enumerable.Range(0, 10).Select(i => Document($"big-{i:D3}", bulkBytes: 2_400)).ToList();

        await cache.WriteDocumentsAsync(lease, 1, small, TestTimeouts.Token());
        var smallUnits = cache.Consumed.WriteUnits - before;
        await cache.WriteDocumentsAsync(lease, 1, large, TestTimeouts.Token());
        var largeUnits = cache.Consumed.WriteUnits - before - smallUnits;
        await cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).CountAsync();

        smallUnits.Should().BeGreaterThanOrEqualTo(30, "each item written costs at least one unit");
        (largeUnits / large.Count).Should().BeGreaterThanOrEqualTo(3, "2,400 random bytes stay over 2 KB after compression, so each item costs at least 3 units");
        cache.Consumed.ReadUnits.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task WriteDocuments_BatchesPartlyUnprocessed_RetriedUntilEveryItemIsWritten()
    {
        var (cache, client) = await NewInitializedCacheAsync();
        client.HoldBackHalfOfEachBatch = true;
        var documents = Enumerable.Range(0, 80).Select(i => Document($"wb-{i:D3}")).ToList();

        await cache.WriteDocumentsAsync(await LeaseAsync(cache), 1, documents, TestTimeouts.Token());
        await cache.WriteMembersAsync(await LeaseAsync(cache), 1, [.. Enumerable.Range(0, 30).Select(i => new CachedMember($"m-{i}", $"Member {i}", null))], TestTimeouts.Token());

        client.HeldBack.Should().BeGreaterThan(0);
        (await cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).Select(d => d.Id).ToListAsync()).ShouldBeExactly(documents.Select(d => d.Id));
        (await cache.ReadMembersAsync(Org, 1, TestTimeouts.Token()).CountAsync()).Should().Be(30);
    }

    [Fact]
    public async Task WriteDocuments_LargerThanOneItem_StoredInChunksAndReadWhole()
    {
        var (cache, client) = await NewInitializedCacheAsync();
        var big = Document("big", bulkBytes: 900_000);

        await cache.WriteDocumentsAsync(await LeaseAsync(cache), 1, [big, Document("small")], TestTimeouts.Token());

        (await ItemsOfAsync(client, cache, "big")).Should().HaveCount(3, "about 1.2 MB of base64 compresses to about 900 KB, in 350 KB chunks");
        (await cache.GetDocumentAsync(Org, 1, "big", TestTimeouts.Token())).Should().BeEquivalentTo(big);
        (await cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).ToListAsync()).Should().BeEquivalentTo([big, Document("small")]);
    }

    [Fact]
    public async Task ReadDocuments_ChunkMissing_ThrowsRatherThanReturningPart()
    {
        var (cache, client) = await NewInitializedCacheAsync();
        await cache.WriteDocumentsAsync(await LeaseAsync(cache), 1, [Document("big", bulkBytes: 900_000), Document("small")], TestTimeouts.Token());
        var chunk1 = (await ItemsOfAsync(client, cache, "big"))[1];
        await client.DeleteItemAsync(TableOf(cache), new() { ["pk"] = chunk1["pk"], ["sk"] = chunk1["sk"] }, TestTimeouts.Token());

        var read = () => cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).ToListAsync().AsTask();
        var get = () => cache.GetDocumentAsync(Org, 1, "big", TestTimeouts.Token());

        (await read.Should().ThrowAsync<CacheUnavailableException>()).WithMessage("*'big'*missing chunk 1 of 3*");
        await get.Should().ThrowAsync<CacheUnavailableException>();
        (await cache.GetDocumentAsync(Org, 1, "small", TestTimeouts.Token())).Should().NotBeNull();
    }

    [Fact]
    public async Task WriteDocuments_ChunkedDocumentRewrittenSmaller_OnlyTheNewOneRead()
    {
        var (cache, _) = await NewInitializedCacheAsync();
        await cache.WriteDocumentsAsync(await LeaseAsync(cache), 1, [Document("doc", bulkBytes: 900_000)], TestTimeouts.Token());

        await cache.WriteDocumentsAsync(await LeaseAsync(cache), 1, [Document("doc") with { Name = "Rewritten" }], TestTimeouts.Token());

        (await cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).ToListAsync()).Should().ContainSingle().Which.Name.Should().Be("Rewritten");
        (await cache.GetDocumentAsync(Org, 1, "doc", TestTimeouts.Token()))!.Name.Should().Be("Rewritten");
    }

    [Fact]
    public async Task GetDocument_IdsThatExtendEachOther_EachFoundAlone()
    {
        var (cache, _) = await NewInitializedCacheAsync();
        var documents = new[] { Document("a", bulkBytes: 900_000), Document("a#0001"), Document("a#0001#0000"), Document("a#") };
        await cache.WriteDocumentsAsync(await LeaseAsync(cache), 1, documents, TestTimeouts.Token());

        foreach (var document in documents)
        {
            (await cache.GetDocumentAsync(Org, 1, document.Id, TestTimeouts.Token())).Should().BeEquivalentTo(document);
        }

        (await cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).ToListAsync()).Should().BeEquivalentTo(documents);
    }

    [Fact]
    public async Task AnyCall_TableMissing_SaysWhichTableAndHowToCreateIt()
    {
        var table = DynaliteFixture.NewTableName("missing");
        var cache = NewCache(Track(dynalite.CreateClient()), table, TimeProvider.System);

        var act = () => cache.GetMetadataAsync(Org, TestTimeouts.Token());
        var read = () => cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).ToListAsync().AsTask();

        (await act.Should().ThrowAsync<CacheUnavailableException>())
            .WithMessage($"DynamoDB table '{table}' does not exist in region 'us-east-1'*Create it with `sigma-mcp cache init`*");
        await read.Should().ThrowAsync<CacheUnavailableException>().WithMessage("*does not exist*");
    }

    [Fact]
    public async Task Initialize_NoTable_CreatesOnDemandTableWithStringKeys()
    {
        var client = Track(dynalite.CreateClient());
        var table = DynaliteFixture.NewTableName("init");

        await NewCache(client, table, TimeProvider.System).InitializeAsync(TestTimeouts.Token());

        var description = (await client.DescribeTableAsync(table, TestTimeouts.Token())).Table;
        description.TableStatus.Should().Be(TableStatus.ACTIVE);
        description.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)).Should().BeEquivalentTo([("pk", "HASH"), ("sk", "RANGE")]);
        description.AttributeDefinitions.Should().OnlyContain(a => a.AttributeType == ScalarAttributeType.S);
        description.BillingModeSummary.BillingMode.Should().Be(BillingMode.PAY_PER_REQUEST);
    }

    [Fact]
    public async Task AnyCall_TableWithOtherKeys_SaysItIsNotACacheTable()
    {
        var client = Track(dynalite.CreateClient());
        var table = DynaliteFixture.NewTableName("foreign");
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
        }, TestTimeouts.Token());

        var cache = NewCache(client, table, TimeProvider.System);

        await cache.Invoking(c => c.InitializeAsync(TestTimeouts.Token())).Should().ThrowAsync<CacheUnavailableException>().WithMessage("*not a sigma-mcp cache table*CACHE_TABLE_NAME*");
        await cache.Invoking(c => c.GetMetadataAsync(Org, TestTimeouts.Token())).Should().ThrowAsync<CacheUnavailableException>().WithMessage("*not a sigma-mcp cache table*");
        await cache.Invoking(c => c.ListGenerationsAsync(Org, TestTimeouts.Token())).Should().ThrowAsync<CacheUnavailableException>().WithMessage("*not a sigma-mcp cache table*");
        await cache.Invoking(c => c.WriteDocumentsAsync(new RefreshLease(Org, "h/1/m/x", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch), 1, [Document("d")], TestTimeouts.Token())).Should().ThrowAsync<CacheUnavailableException>().WithMessage("*not a sigma-mcp cache table*");
    }

    [Fact]
    public async Task Lease_ManyContendersAtOnce_ExactlyOneGranted()
    {
        var (cache, _) = await NewInitializedCacheAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            cache.TryAcquireLeaseAsync(Org, $"host-{i}/{i + 1}/x", TimeSpan.FromMinutes(2), TestTimeouts.Token())));

        results.Count(r => r.IsGranted).Should().Be(1);
        results.Where(r => !r.IsGranted).Should().OnlyContain(r => r.HeldBy!.Holder == results.Single(g => g.IsGranted).Granted!.Holder);
    }

    [Fact]
    public async Task Publish_TwoAtOnceFromTheSameGeneration_OnlyOneWins()
    {
        var (cache, _) = await NewInitializedCacheAsync();

        var lease = await LeaseAsync(cache);

        var results = await Task.WhenAll(Enumerable.Range(2, 6).Select(g => cache.PublishAsync(lease, Metadata(g), 0, TestTimeouts.Token())));

        results.Count(r => r).Should().Be(1);
    }

    [Fact]
    public void CreateClient_ProfileThatDoesNotExist_SaysWhatToSet()
    {
        var options = new CacheOptions { Backend = CacheBackend.DynamoDb, AwsRegion = "eu-west-2", AwsProfile = "sigma-mcp-tests-no-such-profile" };

        var act = () => DynamoDbClientFactory.Create(options);

        act.Should().Throw<CacheUnavailableException>().WithMessage("*'sigma-mcp-tests-no-such-profile'*AWS_PROFILE*AWS_ACCESS_KEY_ID*");
    }

    private async Task<(DynamoDbCache Cache, InstrumentedClient Client)> NewInitializedCacheAsync()
    {
        var client = Track(new InstrumentedClient(DynaliteFixture.Credentials, dynalite.CreateConfig()));
        var cache = NewCache(client, DynaliteFixture.NewTableName("ddb"), TimeProvider.System);
        await cache.InitializeAsync(TestTimeouts.Token());
        return (cache, client);
    }

    private async Task<RefreshLease> LeaseAsync(DynamoDbCache cache)
    {
        if (!_leases.TryGetValue(cache, out var lease))
        {
            lease = (await cache.TryAcquireLeaseAsync(Org, "writer/1/m/w", TimeSpan.FromHours(1), TestTimeouts.Token())).Granted!;
            _leases[cache] = lease;
        }

        return lease;
    }

    private static DynamoDbCache NewCache(IAmazonDynamoDB client, string table, TimeProvider time) =>
        new(client, table, time, NullLogger<DynamoDbCache>.Instance);

    private T Track<T>(T client)
        where T : IDisposable
    {
        _clients.Add(client);
        return client;
    }

    private static string TableOf(DynamoDbCache cache) => cache.Location["dynamodb://".Length..];

    /// <summary>The stored items of one document, straight from the table.</summary>
    private static async Task<List<Dictionary<string, AttributeValue>>> ItemsOfAsync(IAmazonDynamoDB client, DynamoDbCache cache, string documentId)
    {
        var request = new QueryRequest
        {
            TableName = TableOf(cache),
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :prefix)",
            FilterExpression = "docId = :id",
            ExpressionAttributeValues = new()
            {
                [":pk"] = new AttributeValue($"ORG#{Org}"),
                [":prefix"] = new AttributeValue($"GEN#{1:D20}#DOC#{documentId}#"),
                [":id"] = new AttributeValue(documentId),
            },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var response = await client.QueryAsync(request, TestTimeouts.Token());
            items.AddRange(response.Items ?? []);
            request.ExclusiveStartKey = response.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });

        return items;
    }

    /// <summary><paramref name="bulkBytes"/> random bytes, as base64 in the description, keep it from compressing much.</summary>
    private static CachedDocument Document(string id, int bulkBytes = 0) => new()
    {
        Id = id,
        Type = DocumentTypes.Workbook,
        Name = $"Workbook {id}",
        Description = bulkBytes == 0 ? "small" : Convert.ToBase64String(RandomNumberGenerator.GetBytes(bulkBytes)),
        Tags = ["prod"],
        CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 6, 7, 8, 9, 10, TimeSpan.Zero),
        Elements = [new CachedElement("el-1", "Orders", "table", "p1", ["Order Id", "Amount"])],
    };

    private static CacheMetadata Metadata(long generation) => new()
    {
        OrganizationId = Org,
        BaseUrl = "https://api.sigmacomputing.com",
        Generation = generation,
        RefreshStartedAt = DateTimeOffset.UnixEpoch,
        RefreshCompletedAt = DateTimeOffset.UnixEpoch.AddMinutes(1),
        Counts = new Dictionary<string, int> { ["workbook"] = 1 },
    };

    /// <summary>Counts queries, and can answer each batch write by doing only half of it and returning the rest as unprocessed, once.</summary>
    private sealed class InstrumentedClient(AWSCredentials credentials, AmazonDynamoDBConfig config) : AmazonDynamoDBClient(credentials, config)
    {
        private readonly ConcurrentDictionary<string, bool> _heldBack = new(StringComparer.Ordinal);
        private int _queries;

        public bool HoldBackHalfOfEachBatch { get; set; }

        public int Queries { get => Volatile.Read(ref _queries); set => Volatile.Write(ref _queries, value); }

        public int HeldBack => _heldBack.Count;

        public override Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _queries);
            return base.QueryAsync(request, cancellationToken);
        }

        public override async Task<BatchWriteItemResponse> BatchWriteItemAsync(BatchWriteItemRequest request, CancellationToken cancellationToken = default)
        {
            var (table, requests) = request.RequestItems.Single();
            if (!HoldBackHalfOfEachBatch || requests.Count < 2 || requests.Any(r => _heldBack.ContainsKey(SortKey(r))))
            {
                return await base.BatchWriteItemAsync(request, cancellationToken);
            }

            var held = requests[(requests.Count / 2)..];
            held.ForEach(r => _heldBack[SortKey(r)] = true);
            var response = await base.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table] = requests[..(requests.Count / 2)] } }, cancellationToken);
            response.UnprocessedItems = new() { [table] = [.. response.UnprocessedItems?.GetValueOrDefault(table) ?? [], .. held] };
            return response;
        }

        private static string SortKey(WriteRequest request) => (request.PutRequest?.Item ?? request.DeleteRequest.Key)["sk"].S;
    }
}
