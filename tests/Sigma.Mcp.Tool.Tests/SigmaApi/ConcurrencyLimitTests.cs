using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.SigmaApi;

/// <summary>
/// SIGMA_MCP_MAX_CONCURRENCY holds for every request to Sigma, counted where Sigma would count them (at the sandbox,
/// from arrival to the last byte of the answer): token requests, listings, details and export downloads alike.
/// </summary>
public sealed class ConcurrencyLimitTests
{
    [Fact]
    public async Task Refresh_300WorkbooksWithLatency_NeverMoreInFlightThanTheLimit()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 300 });
        sandbox.Faults.Latency = TimeSpan.FromMilliseconds(20);
        using var host = ToolServices.Build(sandbox, sigma: o => o with { MaxConcurrency = 4 });

        await host.Services.GetRequiredService<CacheRefresher>().RefreshAsync(new RefreshOptions(false), cancellationToken: TestTimeouts.Token());

        sandbox.Requests.Total.Should().BeGreaterThan(300);
        sandbox.Requests.MaxInFlight.Should().BeInRange(2, 4, "the refresh runs requests in parallel, up to the limit and never past it");
    }

    [Fact]
    public async Task ExportsAndCalls_ManyAtOnceWithExpiringTokens_NeverMoreInFlightThanTheLimit()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { ExportPollsBeforeReady = 1 });
        sandbox.Faults.Latency = TimeSpan.FromMilliseconds(20);
        using var host = ToolServices.Build(sandbox, sigma: o => o with { MaxConcurrency = 3 });
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var calls = Enumerable.Range(0, 24).Select(async i =>
        {
            if (i == 12)
            {
                sandbox.Faults.ExpireAllTokens(); // renewals in the middle count too
            }

            if (i % 2 == 0)
            {
                await sigma.GetWhoAmIAsync(TestTimeouts.Token());
                return;
            }

            var started = await sigma.StartExportAsync(SandboxWellKnown.RevenueDashboardId,
                new(SandboxWellKnown.OrderLinesElementId, new("csv"), null, 2000, null), TestTimeouts.Token());
            await sigma.DownloadExportAsync(started.QueryId, TimeSpan.FromSeconds(30), 1_000_000, TestTimeouts.Token());
        });
        await Task.WhenAll(calls);

        sandbox.Requests.MaxInFlight.Should().BeInRange(2, 3);
    }
}
