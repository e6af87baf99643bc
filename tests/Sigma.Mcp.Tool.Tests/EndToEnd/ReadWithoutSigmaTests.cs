using System.Text.Json;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Tools;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>Reads never need Sigma: a <c>serve</c> started while Sigma is down answers search from the cache.</summary>
public sealed class ReadWithoutSigmaTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Serve_StartedAfterSigmaStopped_SearchAnswersFromTheCacheAndHeartbeatSaysSigmaIsDown()
    {
        var sandbox = await SigmaSandbox.StartAsync();
        var settings = new Dictionary<string, string?>(SandboxSettings.For(sandbox)) { ["SIGMA_MCP_CACHE_PATH"] = _directory.File("cache.db") };
        var refresh = await ToolProcess.RunAsync(_directory.Path, settings, "cache", "refresh");
        refresh.ExitCode.Should().Be(0, refresh.ToString());
        await sandbox.DisposeAsync();

        var (command, arguments) = ToolProcess.Command("serve");
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "sigma-mcp",
            Command = command,
            Arguments = arguments,
            WorkingDirectory = _directory.Path,
            EnvironmentVariables = settings,
        }), cancellationToken: TestTimeouts.Token());

        var search = (await client.CallAsync("search_documents", """{"query":"revenue dashboard","limit":5}""")).Ok();
        search.Items("results").Should().NotBeEmpty("the cache holds the documents although Sigma cannot be reached");
        search.GetProperty("cache").Str("state").Should().Be("ready");

        var heartbeat = await client.CallAsync("heartbeat");
        var report = heartbeat.StructuredContent!.Value;
        report.Str("status").Should().Be("unhealthy");
        report.GetProperty("sigma_api").GetProperty("connected").GetBoolean().Should().BeFalse();
        report.GetProperty("document_cache").Str("state").Should().Be("ready", "the cache is usable while Sigma is down");
    }

    [Fact]
    public async Task CacheStatusAndClear_SigmaStopped_WorkFromTheCache()
    {
        var sandbox = await SigmaSandbox.StartAsync();
        var organizationId = sandbox.Data.OrganizationId;
        var settings = new Dictionary<string, string?>(SandboxSettings.For(sandbox)) { ["SIGMA_MCP_CACHE_PATH"] = _directory.File("cache.db") };
        (await ToolProcess.RunAsync(_directory.Path, settings, "cache", "refresh")).ExitCode.Should().Be(0);
        await sandbox.DisposeAsync();

        var status = await ToolProcess.RunAsync(_directory.Path, settings, "cache", "status", "--json");
        var clear = await ToolProcess.RunAsync(_directory.Path, settings, "cache", "clear");
        var after = await ToolProcess.RunAsync(_directory.Path, settings, "cache", "status");

        status.ExitCode.Should().Be(0, status.ToString());
        using var json = JsonDocument.Parse(status.Stdout);
        json.RootElement.Str("organization_id").Should().Be(organizationId);
        json.RootElement.GetProperty("generation").ValueKind.Should().Be(JsonValueKind.Number);
        clear.ExitCode.Should().Be(0, clear.ToString());
        clear.Stdout.Should().Contain(organizationId);
        after.ExitCode.Should().Be(0, after.ToString());
        after.Stdout.Should().Contain("Empty: never refreshed");
    }
}
