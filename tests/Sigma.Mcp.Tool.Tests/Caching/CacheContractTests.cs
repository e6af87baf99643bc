using Microsoft.Extensions.Time.Testing;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Caching;

/// <summary>
/// What every <see cref="ICache"/> promises, run against each implementation (LiteDB on a temp file, DynamoDB on
/// dynalite) by a subclass that says how to make a fresh, empty cache.
/// </summary>
public abstract class CacheContractTests : IAsyncLifetime
{
    private const string Org = "org-contract";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, RefreshLease> _writers = [];
    private ICache _cache = null!;

    public async Task InitializeAsync()
    {
        _cache = await CreateCacheAsync(_time);
        await _cache.InitializeAsync(TestTimeouts.Token());
    }

    public virtual Task DisposeAsync() => _cache is IAsyncDisposable d ? d.DisposeAsync().AsTask() : Task.CompletedTask;

    /// <summary>A new cache over empty storage, on <paramref name="time"/>'s clock.</summary>
    private protected abstract Task<ICache> CreateCacheAsync(TimeProvider time);

    [Fact]
    public async Task GetMetadata_NeverRefreshed_Null() =>
        (await _cache.GetMetadataAsync(Org, TestTimeouts.Token())).Should().BeNull();

    [Fact]
    public async Task Initialize_Twice_Idempotent() => await _cache.InitializeAsync(TestTimeouts.Token());

    [Fact]
    public async Task WriteThenPublish_ReadersSeeEveryFieldAsWritten()
    {
        var documents = new[] { Workbook("wb-1", elements: 3), DataModel("dm-1"), Document("ds-1", DocumentTypes.Dataset), Document("rp-1", DocumentTypes.Report) };
        var members = new[] { new CachedMember("m-1", "Ada Lovelace", "ada@example.com"), new CachedMember("m-2", "Grace Hopper", null) };

        await _cache.WriteDocumentsAsync(await WriterAsync(), 1, documents, TestTimeouts.Token());
        await _cache.WriteMembersAsync(await WriterAsync(), 1, members, TestTimeouts.Token());
        (await _cache.PublishAsync(await WriterAsync(), Metadata(1), expectedCurrentGeneration: 0, TestTimeouts.Token())).Should().BeTrue();

        var metadata = await _cache.GetMetadataAsync(Org, TestTimeouts.Token());
        metadata.Should().BeEquivalentTo(Metadata(1));
        metadata!.RefreshStartedAt.Offset.Should().Be(TimeSpan.Zero, "times come back in UTC");
        var read = await _cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).ToListAsync();
        read.Should().BeEquivalentTo(documents);
        read.Single(d => d.Id == "wb-1").UpdatedAt.Should().Be(documents[0].UpdatedAt);
        (await _cache.ReadMembersAsync(Org, 1, TestTimeouts.Token()).ToListAsync()).Should().BeEquivalentTo(members);
        (await _cache.GetDocumentAsync(Org, 1, "dm-1", TestTimeouts.Token())).Should().BeEquivalentTo(documents[1]);
        (await _cache.GetDocumentAsync(Org, 1, "missing", TestTimeouts.Token())).Should().BeNull();
    }

    [Fact]
    public async Task Publish_ExpectedGenerationIsStale_RefusedAndNothingChanges()
    {
        await PublishGenerationAsync(1, Workbook("wb-1"));
        await _cache.WriteDocumentsAsync(await WriterAsync(), 2, [Workbook("wb-2")], TestTimeouts.Token());
        await _cache.WriteDocumentsAsync(await WriterAsync(), 3, [Workbook("wb-3")], TestTimeouts.Token());
        (await _cache.PublishAsync(await WriterAsync(), Metadata(2), expectedCurrentGeneration: 1, TestTimeouts.Token())).Should().BeTrue();

        var stale = await _cache.PublishAsync(await WriterAsync(), Metadata(3), expectedCurrentGeneration: 1, TestTimeouts.Token());

        stale.Should().BeFalse();
        (await _cache.GetMetadataAsync(Org, TestTimeouts.Token()))!.Generation.Should().Be(2);
    }

    [Fact]
    public async Task UnpublishedGeneration_WhileWritten_ReadersStillSeeThePublishedOne()
    {
        await PublishGenerationAsync(1, Workbook("old"));

        await _cache.WriteDocumentsAsync(await WriterAsync(), 2, [Workbook("new-1"), Workbook("new-2")], TestTimeouts.Token());

        var current = (await _cache.GetMetadataAsync(Org, TestTimeouts.Token()))!.Generation;
        current.Should().Be(1);
        (await _cache.ReadDocumentsAsync(Org, current, TestTimeouts.Token()).Select(d => d.Id).ToListAsync()).Should().Equal("old");
        (await _cache.ListGenerationsAsync(Org, TestTimeouts.Token())).Should().BeEquivalentTo([1L, 2L]);
    }

    [Fact]
    public async Task ReadDocuments_ThousandsOfDocuments_EveryOneReturnedOnce()
    {
        var documents = Enumerable.Range(0, 2_500).Select(i => Workbook($"wb-{i:D5}", elements: 4)).ToList();
        foreach (var batch in documents.Chunk(700))
        {
            await _cache.WriteDocumentsAsync(await WriterAsync(), 1, batch, TestTimeouts.Token());
        }

        var ids = await _cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).Select(d => d.Id).ToListAsync();

        ids.ShouldBeExactly(documents.Select(d => d.Id));
    }

    [Fact]
    public async Task WriteDocuments_SameIdTwice_LastWriteWins()
    {
        await _cache.WriteDocumentsAsync(await WriterAsync(), 1, [Workbook("wb-1") with { Name = "First" }], TestTimeouts.Token());
        await _cache.WriteDocumentsAsync(await WriterAsync(), 1, [Workbook("wb-1") with { Name = "Second" }], TestTimeouts.Token());

        (await _cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).ToListAsync()).Should().ContainSingle().Which.Name.Should().Be("Second");
    }

    [Fact]
    public async Task WriteDocuments_HugeWorkbookOver400KB_RoundTrips()
    {
        var huge = Workbook("huge", elements: 3_000) with { Description = new string('x', 20_000) };

        await _cache.WriteDocumentsAsync(await WriterAsync(), 1, [huge], TestTimeouts.Token());

        (await _cache.GetDocumentAsync(Org, 1, "huge", TestTimeouts.Token())).Should().BeEquivalentTo(huge);
        (await _cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).ToListAsync()).Should().ContainSingle().Which.Should().BeEquivalentTo(huge);
    }

    [Fact]
    public async Task DeleteGeneration_RemovesItsDocumentsAndMembersOnly()
    {
        await PublishGenerationAsync(1, Workbook("keep"));
        await _cache.WriteDocumentsAsync(await WriterAsync(), 2, [Workbook("drop")], TestTimeouts.Token());
        await _cache.WriteMembersAsync(await WriterAsync(), 2, [new CachedMember("m", "M", null)], TestTimeouts.Token());

        await _cache.DeleteGenerationAsync(Org, 2, TestTimeouts.Token());

        (await _cache.ReadDocumentsAsync(Org, 2, TestTimeouts.Token()).CountAsync()).Should().Be(0);
        (await _cache.ReadMembersAsync(Org, 2, TestTimeouts.Token()).CountAsync()).Should().Be(0);
        (await _cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).CountAsync()).Should().Be(1);
        (await _cache.ListGenerationsAsync(Org, TestTimeouts.Token())).Should().Equal(1L);
    }

    [Fact]
    public async Task Organizations_Isolated_ClearRemovesOnlyOne()
    {
        await PublishGenerationAsync(1, Workbook("a"));
        await _cache.WriteDocumentsAsync(await WriterAsync("org-other"), 1, [Workbook("b")], TestTimeouts.Token());
        (await _cache.PublishAsync(await WriterAsync("org-other"), Metadata(1) with { OrganizationId = "org-other" }, 0, TestTimeouts.Token())).Should().BeTrue();

        (await _cache.ReadDocumentsAsync(Org, 1, TestTimeouts.Token()).Select(d => d.Id).ToListAsync()).Should().Equal("a");
        await _cache.ClearAsync(Org, TestTimeouts.Token());

        (await _cache.GetMetadataAsync(Org, TestTimeouts.Token())).Should().BeNull();
        (await _cache.ListGenerationsAsync(Org, TestTimeouts.Token())).Should().BeEmpty();
        (await _cache.ReadDocumentsAsync("org-other", 1, TestTimeouts.Token()).Select(d => d.Id).ToListAsync()).Should().Equal("b");
        (await _cache.GetMetadataAsync("org-other", TestTimeouts.Token())).Should().NotBeNull();
    }

    [Fact]
    public async Task Lease_HeldBySomeoneElse_RefusedWithHolderAndExpiry()
    {
        var first = await _cache.TryAcquireLeaseAsync(Org, "host-a/1/x", TimeSpan.FromMinutes(2), TestTimeouts.Token());

        var second = await _cache.TryAcquireLeaseAsync(Org, "host-b/2/y", TimeSpan.FromMinutes(2), TestTimeouts.Token());

        first.IsGranted.Should().BeTrue();
        second.IsGranted.Should().BeFalse();
        second.HeldBy!.Holder.Should().Be("host-a/1/x");
        second.HeldBy.ExpiresAt.Should().Be(_time.GetUtcNow() + TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Lease_Expired_TakenOverAndOldHolderCannotRenew()
    {
        var first = (await _cache.TryAcquireLeaseAsync(Org, "host-a/1/x", TimeSpan.FromMinutes(2), TestTimeouts.Token())).Granted!;
        _time.Advance(TimeSpan.FromMinutes(3));

        var second = await _cache.TryAcquireLeaseAsync(Org, "host-b/2/y", TimeSpan.FromMinutes(2), TestTimeouts.Token());

        second.IsGranted.Should().BeTrue();
        (await _cache.Invoking(c => c.RenewLeaseAsync(first, TimeSpan.FromMinutes(2), TestTimeouts.Token())).Should().ThrowAsync<LeaseLostException>())
            .Which.Message.Should().Contain("lease lost to host-b/2/y");
        await _cache.RenewLeaseAsync(second.Granted!, TimeSpan.FromMinutes(2), TestTimeouts.Token());
        second.Granted!.Epoch.Should().BeGreaterThan(first.Epoch);
    }

    [Fact]
    public async Task Lease_Released_FreeForTheNext()
    {
        var first = (await _cache.TryAcquireLeaseAsync(Org, "host-a/1/x", TimeSpan.FromMinutes(2), TestTimeouts.Token())).Granted!;

        await _cache.ReleaseLeaseAsync(first, TestTimeouts.Token());

        (await _cache.TryAcquireLeaseAsync(Org, "host-b/2/y", TimeSpan.FromMinutes(2), TestTimeouts.Token())).IsGranted.Should().BeTrue();
    }

    [Fact]
    public async Task Lease_HolderIsDeadProcessOnThisHost_TakenOverAtOnce()
    {
        var dead = LeaseHolder.For(int.MaxValue - 7);
        (await _cache.TryAcquireLeaseAsync(Org, dead, TimeSpan.FromMinutes(10), TestTimeouts.Token())).IsGranted.Should().BeTrue();

        var mine = await _cache.TryAcquireLeaseAsync(Org, LeaseHolder.ForThisProcess(), TimeSpan.FromMinutes(2), TestTimeouts.Token());

        mine.IsGranted.Should().BeTrue();
    }

    [Fact]
    public async Task Lease_PerOrganization_OtherOrganizationUnaffected()
    {
        (await _cache.TryAcquireLeaseAsync(Org, "host-a/1/x", TimeSpan.FromMinutes(2), TestTimeouts.Token())).IsGranted.Should().BeTrue();

        (await _cache.TryAcquireLeaseAsync("org-other", "host-b/2/y", TimeSpan.FromMinutes(2), TestTimeouts.Token())).IsGranted.Should().BeTrue();
    }

    [Fact]
    public async Task Lease_SameHostNameOtherMachineOrContainer_NotTakenOverBeforeExpiry()
    {
        // Same host name and a process id that does not run here: another container's process, still alive.
        var elsewhere = $"{Environment.MachineName}/{int.MaxValue - 7}/0123456789/abcd";
        (await _cache.TryAcquireLeaseAsync(Org, elsewhere, TimeSpan.FromMinutes(10), TestTimeouts.Token())).IsGranted.Should().BeTrue();

        var mine = await _cache.TryAcquireLeaseAsync(Org, LeaseHolder.ForThisProcess(), TimeSpan.FromMinutes(2), TestTimeouts.Token());

        mine.IsGranted.Should().BeFalse();
        mine.HeldBy!.Holder.Should().Be(elsewhere);
    }

    [Fact]
    public async Task Fencing_LeaseExpiredAndTaken_OldHoldersWritesAllocationAndPublishRefused()
    {
        var first = (await _cache.TryAcquireLeaseAsync(Org, "host-a/1/m/x", TimeSpan.FromMinutes(2), TestTimeouts.Token())).Granted!;
        var generation = await _cache.AllocateGenerationAsync(first, TestTimeouts.Token());
        await _cache.WriteDocumentsAsync(first, generation, [Workbook("from-a-1")], TestTimeouts.Token());
        _time.Advance(TimeSpan.FromMinutes(3));
        var second = (await _cache.TryAcquireLeaseAsync(Org, "host-b/2/m/y", TimeSpan.FromMinutes(2), TestTimeouts.Token())).Granted!;

        await _cache.Invoking(c => c.WriteDocumentsAsync(first, generation, [Workbook("from-a-2")], TestTimeouts.Token()))
            .Should().ThrowAsync<LeaseLostException>().WithMessage("*lease lost to host-b/2/m/y*");
        await _cache.Invoking(c => c.WriteMembersAsync(first, generation, [new CachedMember("m", "M", null)], TestTimeouts.Token()))
            .Should().ThrowAsync<LeaseLostException>();
        await _cache.Invoking(c => c.AllocateGenerationAsync(first, TestTimeouts.Token())).Should().ThrowAsync<LeaseLostException>();
        await _cache.Invoking(c => c.PublishAsync(first, Metadata(generation), 0, TestTimeouts.Token())).Should().ThrowAsync<LeaseLostException>();

        var next = await _cache.AllocateGenerationAsync(second, TestTimeouts.Token());
        next.Should().BeGreaterThan(generation);
        await _cache.WriteDocumentsAsync(second, next, [Workbook("from-b")], TestTimeouts.Token());
        (await _cache.PublishAsync(second, Metadata(next), 0, TestTimeouts.Token())).Should().BeTrue();
        (await _cache.ReadDocumentsAsync(Org, next, TestTimeouts.Token()).Select(d => d.Id).ToListAsync()).Should().Equal("from-b");
    }

    [Fact]
    public async Task Lease_ReleasedAndRetaken_EpochKeepsGrowing()
    {
        var first = (await _cache.TryAcquireLeaseAsync(Org, "host-a/1/m/x", TimeSpan.FromMinutes(2), TestTimeouts.Token())).Granted!;
        await _cache.ReleaseLeaseAsync(first, TestTimeouts.Token());

        var again = (await _cache.TryAcquireLeaseAsync(Org, "host-a/1/m/x", TimeSpan.FromMinutes(2), TestTimeouts.Token())).Granted!;

        again.Epoch.Should().BeGreaterThan(first.Epoch);
        await _cache.Invoking(c => c.PublishAsync(first, Metadata(1), 0, TestTimeouts.Token())).Should().ThrowAsync<LeaseLostException>();
    }

    [Fact]
    public async Task AllocateGeneration_ManyAtOnce_EachUniqueAndAboveEveryStoredGeneration()
    {
        var writer = await WriterAsync();
        await _cache.WriteDocumentsAsync(writer, 7, [Workbook("old")], TestTimeouts.Token());

        var allocated = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _cache.AllocateGenerationAsync(writer, TestTimeouts.Token())));

        allocated.Should().OnlyHaveUniqueItems().And.OnlyContain(g => g > 7);
    }

    [Fact]
    public async Task Organization_StoredPerConnection_ReadBackWithoutSigma()
    {
        (await _cache.GetOrganizationAsync("conn-a", TestTimeouts.Token())).Should().BeNull();

        await _cache.SetOrganizationAsync("conn-a", Org, TestTimeouts.Token());
        await _cache.SetOrganizationAsync("conn-b", "org-other", TestTimeouts.Token());

        (await _cache.GetOrganizationAsync("conn-a", TestTimeouts.Token())).Should().Be(Org);
        (await _cache.GetOrganizationAsync("conn-b", TestTimeouts.Token())).Should().Be("org-other");
    }

    // One lease per organization for the tests that only write: writes are fenced by a lease.
    private async Task<RefreshLease> WriterAsync(string organizationId = Org)
    {
        if (!_writers.TryGetValue(organizationId, out var lease))
        {
            lease = (await _cache.TryAcquireLeaseAsync(organizationId, "writer/1/m/w", TimeSpan.FromHours(1), TestTimeouts.Token())).Granted!;
            _writers[organizationId] = lease;
        }

        return lease;
    }

    private async Task PublishGenerationAsync(long generation, params CachedDocument[] documents)
    {
        await _cache.WriteDocumentsAsync(await WriterAsync(), generation, documents, TestTimeouts.Token());
        var current = (await _cache.GetMetadataAsync(Org, TestTimeouts.Token()))?.Generation ?? 0;
        (await _cache.PublishAsync(await WriterAsync(), Metadata(generation), current, TestTimeouts.Token())).Should().BeTrue();
    }

    private CacheMetadata Metadata(long generation) => new()
    {
        OrganizationId = Org,
        BaseUrl = "https://api.sigmacomputing.com",
        Generation = generation,
        RefreshStartedAt = _time.GetUtcNow().AddSeconds(-30),
        RefreshCompletedAt = _time.GetUtcNow(),
        Counts = new Dictionary<string, int> { ["workbook"] = 1, ["element"] = 3, ["member"] = 2 },
    };

    private static CachedDocument Document(string id, string type) => new()
    {
        Id = id,
        Type = type,
        Name = $"Document {id} — Ünïcode ✓",
        UrlId = "u" + id,
        Description = "A description",
        Path = "Finance/Executive",
        Badge = "Endorsed",
        OwnerId = "m-1",
        OwnerName = "Ada Lovelace",
        Tags = ["prod", "q4"],
        Url = $"https://app.sigmacomputing.com/acme/workbook/{id}",
        CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 6, 7, 8, 9, 10, 123, TimeSpan.Zero),
        LatestVersion = 7,
        IsArchived = false,
    };

    private static CachedDocument Workbook(string id, int elements = 2) => Document(id, DocumentTypes.Workbook) with
    {
        Pages = [new CachedPage("p1", "Overview"), new CachedPage("p2", null)],
        Elements = [.. Enumerable.Range(0, elements).Select(i => new CachedElement($"el-{i}", $"Element {i}", i % 2 == 0 ? "table" : "visualization", i % 2 == 0 ? "p1" : "p2", ["Order Date", "Net Revenue", $"Column {i}"]))],
    };

    private static CachedDocument DataModel(string id) => Document(id, DocumentTypes.DataModel) with
    {
        Elements = [new CachedElement("dm-el", "Orders", "table", null, ["Order Id"])],
        DetailError = "403 Forbidden",
    };
}
