using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>
/// What <c>serve</c> does before and right after <c>initialize</c>: nothing that can wait (the cache, the search index,
/// the AWS SDK) delays the answer, and the index is loaded from the cache by the first call without being asked.
/// </summary>
public sealed class StartupPathTests : IAsyncLifetime, IDisposable
{
    private const string Initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"startup-test","version":"1"}}}""";
    private const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";
    private const string Search = """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_documents","arguments":{"query":"revenue"}}}""";

    private readonly TempDirectory _directory = new();
    private SigmaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SigmaSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Serve_LiteDbCache_AnswersInitializeWithoutLoadingTheAwsSdk()
    {
        using var process = Process.Start(ToolProcess.StartInfo(_directory.Path, Settings(), "serve"))!;
        await process.StandardInput.WriteLineAsync(Initialize);
        await process.StandardInput.FlushAsync();

        var answer = await process.StandardOutput.ReadLineAsync(TestTimeouts.Token());
        var mapped = OperatingSystem.IsLinux() ? await File.ReadAllTextAsync($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/maps") : "";
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestTimeouts.Token());

        answer.Should().Contain("\"protocolVersion\"");
        mapped.Should().NotContain("AWSSDK.", "the DynamoDB backend is not selected, so its assemblies have no reason to load");
    }

    [Fact]
    public async Task Serve_AfterInitialize_LoadsTheIndexFromTheCacheBeforeAnyCall()
    {
        var refresh = await ToolProcess.RunAsync(_directory.Path, Settings(), "cache", "refresh");
        refresh.ExitCode.Should().Be(0, refresh.ToString());
        var requestsBefore = _sandbox.Requests.Total;

        using var process = Process.Start(ToolProcess.StartInfo(_directory.Path, Settings(), "serve"))!;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Search index loaded", StringComparison.Ordinal) == true)
            {
                loaded.TrySetResult();
            }
        };
        process.BeginErrorReadLine();
        await process.StandardInput.WriteLineAsync(Initialize);
        await process.StandardInput.WriteLineAsync(Initialized);
        await process.StandardInput.FlushAsync();
        (await process.StandardOutput.ReadLineAsync(TestTimeouts.Token())).Should().Contain("\"protocolVersion\"");

        // No call has been made: the server loads the index on its own once initialize is answered.
        await loaded.Task.WaitAsync(TestTimeouts.Default);
        await process.StandardInput.WriteLineAsync(Search);
        await process.StandardInput.FlushAsync();
        var search = JsonDocument.Parse((await process.StandardOutput.ReadLineAsync(TestTimeouts.Token()))!).RootElement;
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestTimeouts.Token());

        var results = search.GetProperty("result").GetProperty("structuredContent");
        results.GetProperty("results").GetArrayLength().Should().BeGreaterThan(0, search.ToString());
        _sandbox.Requests.Total.Should().BeLessThanOrEqualTo(requestsBefore + 2, "the index comes from the cache; at most a token and whoami are asked of Sigma");
    }

    private Dictionary<string, string?> Settings() =>
        new(SandboxSettings.For(_sandbox)) { ["SIGMA_MCP_CACHE_PATH"] = _directory.File("cache.db") };
}
