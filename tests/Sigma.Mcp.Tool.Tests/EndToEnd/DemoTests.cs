using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

public sealed class DemoTests
{
    [Fact]
    public async Task Demo_FreshMachineNoSettings_EveryStepSucceedsExitZero()
    {
        var run = await ToolProcess.RunAsync(new Dictionary<string, string?>(), "demo");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("initialize").And.Contain("tools/list").And.Contain("heartbeat").And.Contain("healthy");
        run.Stdout.Should().Contain("Demo finished: all");
        run.Stdout.Should().Contain("1 row(s) with p_region=EMEA", "the demo shows a filtered export of the chart, grouped by region");
    }
}
