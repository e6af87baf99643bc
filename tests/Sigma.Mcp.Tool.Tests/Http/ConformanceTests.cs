using System.Text.RegularExpressions;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// The official MCP conformance suite (server scenarios, active suite) against <c>serve --http --sandbox</c>.
/// Scenarios that need the suite's fixture tools, resources and prompts are listed, each with its reason, in
/// <c>tests/conformance/expected-failures.yml</c>; every other one must pass, and a listed one that passes fails the run.
/// </summary>
public sealed partial class ConformanceTests
{
    [Fact]
    public async Task ConformanceSuite_ServeHttp_PassesEveryScenarioNotInTheBaseline()
    {
        await ConformanceTooling.EnsureInstalledAsync();
        using var home = new TempDirectory();
        await using var server = await HttpToolServer.StartAsync(home.Path, new Dictionary<string, string?>(), "--sandbox", "--allow-unauthenticated");

        var run = await Commands.RunAsync("npx",
            ["--no-install", "conformance", "server", "--url", server.McpEndpoint.ToString(),
             "--expected-failures", ConformanceTooling.ExpectedFailures, "-o", home.File("results")],
            ConformanceTooling.Directory, ConformanceTooling.Environment());

        var report = $"{run}\n--- server stderr\n{server.Stderr}";
        run.ExitCode.Should().Be(0, report);
        run.Stdout.Should().Contain("Baseline check passed", report);
        var passed = PassedScenario().Matches(run.Stdout).Select(m => m.Groups[1].Value).ToList();
        passed.Should().Contain(["server-initialize", "ping", "tools-list", "resources-list", "dns-rebinding-protection"], report);
    }

    [GeneratedRegex(@"^✓ ([a-z0-9-]+): [1-9][0-9]* passed, 0 failed", RegexOptions.Multiline)]
    private static partial Regex PassedScenario();
}
