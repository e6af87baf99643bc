using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>The built tool run as a command, as a user types it: output, exit codes, precedence of settings.</summary>
public sealed class CliTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly Dictionary<string, string?> s_noSettings = [];

    [Fact]
    public async Task Help_NoArguments_ListsEveryCommand()
    {
        var run = await ToolProcess.RunAsync(s_noSettings, "--help");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().Contain("Usage:").And.Contain("sigma-mcp [command] [options]");
        foreach (var command in new[] { "serve", "heartbeat", "cache", "populate-cache", "demo" })
        {
            run.Stdout.Should().MatchRegex($@"(?m)^\s+{command}\s", $"'{command}' is listed");
        }
    }

    [Fact]
    public async Task Help_CacheCommand_ListsSubcommands()
    {
        var run = await ToolProcess.RunAsync(s_noSettings, "cache", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("refresh").And.Contain("status").And.Contain("clear");
    }

    [Fact]
    public async Task Version_PrintsSemanticVersion()
    {
        var run = await ToolProcess.RunAsync(s_noSettings, "--version");

        run.ExitCode.Should().Be(0);
        run.Stdout.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData("heartbeat", "--cache", "redis")]
    public async Task BadUsage_ExitsTwoWithHint(params string[] arguments)
    {
        var run = await ToolProcess.RunAsync(s_noSettings, arguments);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("sigma-mcp --help");
        run.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("hartbeat")]
    [InlineData("cache", "refrsh")]
    public async Task UnknownCommand_ItsOwnErrorComesFirst(params string[] arguments)
    {
        var run = await ToolProcess.RunAsync(s_noSettings, arguments);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Split('\n')[0].Should().Be($"sigma-mcp: Unrecognized command or argument '{arguments[^1]}'.");
        run.Stderr.Should().NotContain("Required command was not provided");
    }

    [Fact]
    public async Task LogLevelOptionInvalid_ErrorNamesTheOptionAndTheVariable()
    {
        var fromOption = await ToolProcess.RunAsync(s_noSettings, "heartbeat", "--sandbox", "--log-level", "verbose");
        var fromVariable = await ToolProcess.RunAsync(new Dictionary<string, string?> { ["SIGMA_MCP_LOG_LEVEL"] = "verbose" }, "heartbeat", "--sandbox");

        fromOption.ExitCode.Should().Be(2, fromOption.ToString());
        fromOption.Stderr.Trim().Should().StartWith("sigma-mcp: --log-level (SIGMA_MCP_LOG_LEVEL) 'verbose' is not a log level.");
        fromVariable.ExitCode.Should().Be(2, fromVariable.ToString());
        fromVariable.Stderr.Trim().Should().StartWith("sigma-mcp: SIGMA_MCP_LOG_LEVEL 'verbose' is not a log level.");
    }

    [Theory]
    [InlineData("heartbeat")]
    [InlineData("serve")]
    [InlineData("cache", "refresh")]
    public async Task MissingCredentials_ExitsTwoWithOneLineNamingTheSetting(params string[] arguments)
    {
        var run = await ToolProcess.RunAsync(s_noSettings, arguments);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Trim().Should().StartWith("sigma-mcp: SIGMA_CLIENT_ID is not set.").And.NotContain("\n");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Heartbeat_SandboxJson_HealthyExitZero()
    {
        var run = await ToolProcess.RunAsync(s_noSettings, "heartbeat", "--sandbox", "--json");

        run.ExitCode.Should().Be(0, run.ToString());
        using var report = JsonDocument.Parse(run.Stdout);
        report.RootElement.GetProperty("status").GetString().Should().Be("healthy");
        report.RootElement.GetProperty("server_info").GetProperty("environment").GetString().Should().Be("sandbox");
        report.RootElement.GetProperty("document_cache").GetProperty("location").GetString().Should().EndWith("sandbox-cache.db");
    }

    [Fact]
    public async Task Heartbeat_ValidCredentials_HumanReportExitZero()
    {
        var run = await ToolProcess.RunAsync(SandboxSettings.For(fixture.Sandbox), "heartbeat");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Stdout.Should().StartWith("sigma-mcp heartbeat: healthy").And.Contain("Sigma API  connected");
        run.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Heartbeat_WrongCredentials_UnhealthyExitOneWithNextStepAndNoSecret()
    {
        var run = await ToolProcess.RunAsync(SandboxSettings.For(fixture.Sandbox, clientSecret: "wrong-s3cr3t"), "heartbeat");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stdout.Should().StartWith("sigma-mcp heartbeat: unhealthy")
            .And.Contain("401")
            .And.Contain("Next step  Check SIGMA_CLIENT_ID and SIGMA_CLIENT_SECRET");
        (run.Stdout + run.Stderr).Should().NotContain("wrong-s3cr3t");
    }

    [Fact]
    public async Task Heartbeat_UnreachableSigma_UnhealthyExitOne()
    {
        var settings = new Dictionary<string, string?>(SandboxSettings.For(fixture.Sandbox)) { ["SIGMA_BASE_URL"] = "http://127.0.0.1:9" };

        var run = await ToolProcess.RunAsync(settings, "heartbeat", "--json");

        run.ExitCode.Should().Be(1, run.ToString());
        using var report = JsonDocument.Parse(run.Stdout);
        report.RootElement.GetProperty("status").GetString().Should().Be("unhealthy");
        report.RootElement.GetProperty("next_step").GetString().Should().Contain("SIGMA_BASE_URL");
    }

    [Fact]
    public async Task Heartbeat_SettingsInDotEnvOfWorkingDirectory_Used()
    {
        using var directory = new TempDirectory();
        await File.WriteAllLinesAsync(directory.File(".env"), SandboxSettings.For(fixture.Sandbox).Select(kv => $"{kv.Key}={kv.Value}"));

        var run = await ToolProcess.RunAsync(directory.Path, s_noSettings, "heartbeat");

        run.ExitCode.Should().Be(0, run.ToString());
    }

    [Fact]
    public async Task Heartbeat_EnvFileOption_ReadsThatFile()
    {
        using var directory = new TempDirectory();
        await File.WriteAllLinesAsync(directory.File("sigma.env"), SandboxSettings.For(fixture.Sandbox).Select(kv => $"export {kv.Key}=\"{kv.Value}\""));

        var run = await ToolProcess.RunAsync(directory.Path, s_noSettings, "heartbeat", "--env-file", "sigma.env");

        run.ExitCode.Should().Be(0, run.ToString());
    }

    [Fact]
    public async Task Heartbeat_BaseUrlOption_BeatsEnvironment()
    {
        var settings = new Dictionary<string, string?>(SandboxSettings.For(fixture.Sandbox)) { ["SIGMA_BASE_URL"] = "http://127.0.0.1:9" };

        var run = await ToolProcess.RunAsync(settings, "heartbeat", "--base-url", fixture.Sandbox.BaseUrl.ToString());

        run.ExitCode.Should().Be(0, run.ToString());
    }
}
