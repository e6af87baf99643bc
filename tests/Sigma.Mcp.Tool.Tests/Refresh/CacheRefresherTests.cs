using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Refresh;

/// <summary>A refresh from the sandbox into a real cache; subclasses choose the backend.</summary>
public abstract partial class CacheRefresherTests
{
    /// <summary>A new cache over this test's storage (every call opens the same storage), on <paramref name="time"/>'s clock.</summary>
    private protected abstract ICache OpenCache(TimeProvider time);

    /// <summary>Builds the tool's services over the sandbox, with <see cref="ICache"/> the backend under test (or <paramref name="cache"/>).</summary>
    private IHost BuildHost(SigmaSandbox sandbox, ICache? cache = null)
    {
        var chosen = cache ?? OpenCache(TimeProvider.System);
        return ToolServices.Build(sandbox, configure: services => services.AddSingleton(chosen));
    }

    [Fact]
    public async Task Refresh_TenThousandWorkbooks_EveryDocumentAndElementCachedOnce()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 10_000 });
        using var host = BuildHost(sandbox);
        var cache = host.Services.GetRequiredService<ICache>();

        var summary = await host.Services.GetRequiredService<CacheRefresher>().RefreshAsync(new RefreshOptions(), progress: null, TestTimeouts.Token());

        var documents = await cache.ReadDocumentsAsync(sandbox.Data.OrganizationId, summary.Metadata.Generation, TestTimeouts.Token()).ToListAsync();
        documents.Select(d => d.Id).Distinct().Count().Should().Be(documents.Count);
        documents.Where(d => d.Type == DocumentTypes.Workbook).Select(d => d.Id).ShouldBeExactly(sandbox.Data.Workbooks.Select(w => w.Id));
        documents.Where(d => d.Type == DocumentTypes.DataModel).Should().HaveCount(sandbox.Data.DataModels.Count);
        var expectedElements = sandbox.Data.Workbooks.Sum(w => sandbox.Data.GetPages(w.Id).Sum(p => p.Elements.Count));
        documents.Where(d => d.Type == DocumentTypes.Workbook).Sum(d => d.Elements.Count).Should().Be(expectedElements);
        documents.Where(d => d.Type == DocumentTypes.Workbook).SelectMany(d => d.Elements.Select(e => $"{d.Id}/{e.ElementId}")).Distinct().Count().Should().Be(expectedElements);
        summary.Added.Should().Be(documents.Count);
        summary.Failed.Should().Be(0);
        summary.Metadata.Counts[DocumentTypes.Workbook].Should().Be(sandbox.Data.Workbooks.Count);
        summary.Metadata.Counts["member"].Should().Be(sandbox.Data.Members.Count);
    }

    [Fact]
    public async Task Refresh_Incremental_FetchesOnlyChangedDropsDeletedKeepsTheRest()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 500 });
        using var host = BuildHost(sandbox);
        var refresher = host.Services.GetRequiredService<CacheRefresher>();
        var cache = host.Services.GetRequiredService<ICache>();
        var first = await refresher.RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());
        var workbooks = sandbox.Data.Workbooks.Select(w => w.Id).ToList();
        var changed = workbooks.Take(50).ToList();
        var deleted = workbooks.Skip(50).Take(10).ToList();
        changed.ForEach(id => sandbox.Data.TouchWorkbook(id));
        deleted.ForEach(id => sandbox.Data.DeleteWorkbook(id));
        sandbox.Requests.Clear();

        var second = await refresher.RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());

        var pageListings = sandbox.Requests.Snapshot().Where(r => r.Path.EndsWith("/pages", StringComparison.Ordinal)).Select(r => r.Path).ToList();
        pageListings.Should().BeEquivalentTo(changed.Select(id => $"/v2/workbooks/{id}/pages"), "details are fetched for the 50 changed workbooks only");
        second.Changed.Should().Be(50);
        second.Removed.Should().Be(10);
        second.Added.Should().Be(0);
        second.Metadata.Generation.Should().BeGreaterThan(first.Metadata.Generation);
        var cached = await cache.ReadDocumentsAsync(sandbox.Data.OrganizationId, second.Metadata.Generation, TestTimeouts.Token()).ToDictionaryAsync(d => d.Id);
        cached.Keys.Should().NotContain(deleted);
        cached.Values.Count(d => d.Type == DocumentTypes.Workbook).Should().Be(workbooks.Count - 10);
        cached[workbooks[100]].Elements.Should().NotBeEmpty("unchanged workbooks keep their structure");
        cached[changed[0]].UpdatedAt.Should().BeCloseTo(sandbox.Data.FindWorkbook(changed[0])!.UpdatedAt, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Refresh_Full_FetchesEverythingAgain()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 60 });
        using var host = BuildHost(sandbox);
        var refresher = host.Services.GetRequiredService<CacheRefresher>();
        await refresher.RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());

        var full = await refresher.RefreshAsync(new RefreshOptions(Full: true), null, TestTimeouts.Token());

        full.ToFetch.Should().Be(sandbox.Data.Workbooks.Count + sandbox.Data.DataModels.Count, "every document with details is fetched again");
        sandbox.Requests.Snapshot().Count(r => r.Path.StartsWith("/v2/workbooks/", StringComparison.Ordinal) && r.Path.EndsWith("/pages", StringComparison.Ordinal)).Should().Be(2 * sandbox.Data.Workbooks.Count);
        full.Changed.Should().Be(0, "nothing changed in Sigma: fetching again is not a change");
        full.Unchanged.Should().Be(sandbox.Data.Workbooks.Count + sandbox.Data.DataModels.Count + sandbox.Data.Datasets.Count + sandbox.Data.Reports.Count);
    }

    [Fact]
    public async Task Refresh_SomeDetailsForbidden_CachedWithListingAndCountedAsFailed()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 40 });
        sandbox.Faults.FailEveryNth(4, SandboxFault.Status(403, "forbidden", "No access"), "/pages");
        using var host = BuildHost(sandbox);

        var summary = await host.Services.GetRequiredService<CacheRefresher>().RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());

        summary.Failed.Should().BeGreaterThan(0);
        var documents = await host.Services.GetRequiredService<ICache>().ReadDocumentsAsync(sandbox.Data.OrganizationId, summary.Metadata.Generation, TestTimeouts.Token()).ToListAsync();
        documents.Count(d => d.DetailError is not null).Should().Be(summary.Failed);
        documents.Where(d => d.DetailError is not null).Should().OnlyContain(d => d.DetailError!.StartsWith("403", StringComparison.Ordinal) && d.Name.Length > 0);
        documents.Where(d => d.Type == DocumentTypes.Workbook).Should().HaveCount(sandbox.Data.Workbooks.Count);
    }

    [Fact]
    public async Task Refresh_WhileAnotherHoldsTheLease_ReportsHolderAndChangesNothing()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 10 });
        using var host = BuildHost(sandbox);
        var cache = host.Services.GetRequiredService<ICache>();
        await cache.InitializeAsync(TestTimeouts.Token());
        await cache.TryAcquireLeaseAsync(sandbox.Data.OrganizationId, "other-host/1/abcd", TimeSpan.FromMinutes(5), TestTimeouts.Token());

        var act = () => host.Services.GetRequiredService<CacheRefresher>().RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());

        (await act.Should().ThrowAsync<RefreshInProgressException>()).Which.Message.Should().Contain("other-host/1/abcd");
        (await cache.GetMetadataAsync(sandbox.Data.OrganizationId, TestTimeouts.Token())).Should().BeNull();
    }

    [Fact]
    public async Task Refresh_ThreeTimes_KeepsOnlyPublishedAndPreviousGenerations()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 20 });
        using var host = BuildHost(sandbox);
        var refresher = host.Services.GetRequiredService<CacheRefresher>();

        RefreshSummary last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await refresher.RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());
        }

        (await host.Services.GetRequiredService<ICache>().ListGenerationsAsync(sandbox.Data.OrganizationId, TestTimeouts.Token()))
            .Should().BeEquivalentTo([last.Metadata.Generation - 1, last.Metadata.Generation]);
    }
}
