using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Refresh;

/// <summary>The fenced refresh: renewals that fail, leases lost mid-refresh, two refreshers on one host name; and partial failures.</summary>
public abstract partial class CacheRefresherTests
{
    [Fact]
    public async Task Refresh_LeaseRenewalThrowsThenSucceeds_CompletesAndPublishes()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 20 });
        var attempts = 0;
        var cache = new HookedCache(OpenCache(TimeProvider.System))
        {
            OnRenew = () => Interlocked.Increment(ref attempts) == 1 ? throw new IOException("network blip") : Task.CompletedTask,
        };

        // The writes wait until a renewal went through after the failed one, so the refresh outlives both.
        cache.OnFirstWrite = () => cache.Renewed.Task;
        using var host = BuildHost(sandbox, cache);

        var summary = await host.Services.GetRequiredService<CacheRefresher>()
            .RefreshAsync(new RefreshOptions { LeaseDuration = TimeSpan.FromMilliseconds(900) }, null, TestTimeouts.Token());

        attempts.Should().BeGreaterThanOrEqualTo(2);
        var published = await cache.GetMetadataAsync(sandbox.Data.OrganizationId, TestTimeouts.Token());
        published!.Generation.Should().Be(summary.Metadata.Generation);
        await AssertCompleteAsync(cache, sandbox, published);
    }

    [Fact]
    public async Task Refresh_LeaseExpiredAndTakenMidRefresh_FirstAbortsWithoutPublishingSecondIsComplete()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 30 });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var atWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The first refresher stops at its first write, its renewals stuck (a paused process); the caches' clock is the test's.
        var firstCache = new HookedCache(OpenCache(clock))
        {
            OnRenew = () => resume.Task,
            OnFirstWrite = async () => { atWrite.TrySetResult(); await resume.Task; },
        };
        using var firstHost = BuildHost(sandbox, firstCache);
        using var secondHost = BuildHost(sandbox, OpenCache(clock));
        var options = new RefreshOptions { LeaseDuration = TimeSpan.FromSeconds(30) };
        var first = firstHost.Services.GetRequiredService<CacheRefresher>().RefreshAsync(options, null, TestTimeouts.Token());
        await atWrite.Task.WaitAsync(TestTimeouts.Default);

        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await secondHost.Services.GetRequiredService<CacheRefresher>().RefreshAsync(options, null, TestTimeouts.Token());
        resume.SetResult();

        (await first.Awaiting(t => t).Should().ThrowAsync<LeaseLostException>()).Which.Message.Should().StartWith("Refresh lease lost to " + Environment.MachineName + "/");
        var published = await firstCache.GetMetadataAsync(sandbox.Data.OrganizationId, TestTimeouts.Token());
        published!.Generation.Should().Be(second.Metadata.Generation);
        await AssertCompleteAsync(firstCache, sandbox, published);
    }

    [Fact]
    public async Task Refresh_TwoRefreshersForcedOntoOneHostName_NeverAMixedGeneration()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 30 });
        var atWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The first names itself as a process of this machine that is not running, so the second takes its live lease over at once.
        var firstCache = new HookedCache(OpenCache(TimeProvider.System))
        {
            MapHolder = _ => LeaseHolder.For(int.MaxValue - 11),
            OnFirstWrite = async () => { atWrite.TrySetResult(); await resume.Task; },
        };
        using var firstHost = BuildHost(sandbox, firstCache);
        using var secondHost = BuildHost(sandbox);
        var first = firstHost.Services.GetRequiredService<CacheRefresher>().RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());
        await atWrite.Task.WaitAsync(TestTimeouts.Default);
        sandbox.Data.AddWorkbook("Only In The Second Refresh");

        var second = await secondHost.Services.GetRequiredService<CacheRefresher>().RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());
        resume.SetResult();

        await first.Awaiting(t => t).Should().ThrowAsync<LeaseLostException>();
        var published = await firstCache.GetMetadataAsync(sandbox.Data.OrganizationId, TestTimeouts.Token());
        published!.Generation.Should().Be(second.Metadata.Generation);
        await AssertCompleteAsync(firstCache, sandbox, published);
    }

    [Fact]
    public async Task Refresh_PagesFailForSomeWorkbooks_TheyKeepTheirPreviousElements()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 40 });
        using var host = BuildHost(sandbox);
        var refresher = host.Services.GetRequiredService<CacheRefresher>();
        var cache = host.Services.GetRequiredService<ICache>();
        var before = await refresher.RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());
        var elementsBefore = await cache.ReadDocumentsAsync(sandbox.Data.OrganizationId, before.Metadata.Generation, TestTimeouts.Token())
            .ToDictionaryAsync(d => d.Id, d => d.Elements.Count);
        sandbox.Faults.FailEveryNth(3, SandboxFault.Status(403, "forbidden", "No access"), "/pages");

        var after = await refresher.RefreshAsync(new RefreshOptions(Full: true), null, TestTimeouts.Token());

        after.Failed.Should().BeGreaterThan(0);
        after.Stale.Should().Be(after.Failed, "every failed document was cached before");
        after.NothingFetched.Should().BeFalse();
        var documents = await cache.ReadDocumentsAsync(sandbox.Data.OrganizationId, after.Metadata.Generation, TestTimeouts.Token()).ToListAsync();
        documents.Should().OnlyContain(d => d.Elements.Count == elementsBefore[d.Id]);
        documents.Count(d => d.DetailError is not null).Should().Be(after.Failed);
        after.Metadata.Counts["element"].Should().Be(before.Metadata.Counts["element"]);
        after.Failures.Should().OnlyContain(f => f.KeptPrevious && f.Error.StartsWith("403", StringComparison.Ordinal));

        // The next refresh retries them (they are not "unchanged"), and with Sigma answering again they are fresh.
        sandbox.Faults.Reset();
        var retried = await refresher.RefreshAsync(new RefreshOptions(), null, TestTimeouts.Token());
        retried.Changed.Should().Be(after.Failed);
        retried.Failed.Should().Be(0);
    }

    // The published generation holds exactly the sandbox's documents, each once, with the counts it was published with.
    private static async Task AssertCompleteAsync(HookedCache cache, SigmaSandbox sandbox, CacheMetadata published)
    {
        var documents = await cache.ReadDocumentsAsync(sandbox.Data.OrganizationId, published.Generation, TestTimeouts.Token()).ToListAsync();
        documents.Select(d => d.Id).Should().OnlyHaveUniqueItems();
        documents.Where(d => d.Type == DocumentTypes.Workbook).Select(d => d.Id).ShouldBeExactly(sandbox.Data.Workbooks.Select(w => w.Id));
        foreach (var type in DocumentTypes.All)
        {
            documents.Count(d => d.Type == type).Should().Be(published.Counts[type]);
        }

        documents.Sum(d => d.Elements.Count).Should().Be(published.Counts["element"]);
    }
}
