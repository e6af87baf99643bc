using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.Refresh;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Tools;

/// <summary><c>refresh_cache</c> outlives its call: a refresh longer than the call's wait goes on in the background.</summary>
public sealed class RefreshCacheToolTests
{
    [Fact]
    public async Task RefreshCache_LongerThanTheCallWaits_CompletesInTheBackgroundAndALaterCallReportsIt()
    {
        await using var sandbox = await SigmaSandbox.StartAsync(new SandboxOptions { Workbooks = 400 });
        sandbox.Faults.Latency = TimeSpan.FromMilliseconds(20);
        await using var server = await InProcessServer.StartAsync(sandbox, cancellationToken: TestTimeouts.Token());
        var refreshes = server.Services.GetRequiredService<BackgroundRefresh>();

        // The call waits far less than the refresh takes, as a tool call on a large organization waits less than its refresh.
        refreshes.CallWait = TimeSpan.FromMilliseconds(300);
        var first = (await server.Client.CallAsync("refresh_cache")).Ok();
        first.Str("state").Should().Be("running");
        first.Str("progress").Should().NotBeNullOrEmpty();

        refreshes.CallWait = TestTimeouts.Default;
        var second = (await server.Client.CallAsync("refresh_cache")).Ok();

        second.Str("state").Should().Be("completed");
        second.GetProperty("added").GetInt32().Should().BeGreaterThan(sandbox.Data.Workbooks.Count - 1, "the first call's refresh is the one reported, not a new one");
        var search = (await server.Client.CallAsync("search_documents", """{"query":"revenue","limit":3}""")).Ok();
        search.Items("results").Should().NotBeEmpty();

        var third = (await server.Client.CallAsync("refresh_cache")).Ok();
        third.Str("state").Should().Be("completed");
        third.GetProperty("added").GetInt32().Should().Be(0, "a call after the outcome was reported starts a new, incremental refresh");
    }
}
