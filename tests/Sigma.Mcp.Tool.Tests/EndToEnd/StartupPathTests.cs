using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ModelContextProtocol.Client;
using Sigma.Mcp.Tool.Tests.Fixtures;

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

    private readonly SandboxFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Serve_LiteDbCache_AnswersInitializeWithoutLoadingTheAwsSdkOrTheSandbox()
    {
        using var process = Process.Start(ToolProcess.StartInfo(_fixture.Directory.Path, _fixture.Settings(), "serve"))!;
        await process.StandardInput.WriteLineAsync(Initialize);
        await process.StandardInput.FlushAsync();

        var answer = await process.StandardOutput.ReadLineAsync(TestTimeouts.Token());
        var mapped = OperatingSystem.IsLinux() ? await File.ReadAllTextAsync($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/maps") : "";
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestTimeouts.Token());

        answer.Should().Contain("\"protocolVersion\"");
        mapped.Should().NotContain("AWSSDK.", "the DynamoDB backend is not selected, so its assemblies have no reason to load");
        mapped.Should().NotContain("Sigma.Sandbox.dll", "serve without --sandbox talks to Sigma");
    }

    [Fact]
    public async Task Serve_AfterInitialize_LoadsTheIndexFromTheCacheBeforeAnyCall_WithoutBuildingTheSigmaClient()
    {
        var refresh = await ToolProcess.RunAsync(_fixture.Directory.Path, _fixture.Settings(), "cache", "refresh");
        refresh.ExitCode.Should().Be(0, refresh.ToString());
        var requestsBefore = _fixture.Sandbox.Requests.Total;

        using var process = Process.Start(ToolProcess.StartInfo(_fixture.Directory.Path, _fixture.Settings(), "serve"))!;
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            logged.Enqueue(e.Data ?? "");
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
        var mapped = OperatingSystem.IsLinux() ? await File.ReadAllTextAsync($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/maps") : "";
        process.StandardInput.Close();
        var after = await process.StandardOutput.ReadToEndAsync(TestTimeouts.Token());
        await process.WaitForExitAsync(TestTimeouts.Token());

        // The server's own warm-up searches (TransportWarmUp) are neither answered on stdout nor logged as calls.
        search.GetProperty("id").GetInt32().Should().Be(2);
        after.Should().BeEmpty();
        logged.Count(l => l.Contains("Tool search_documents completed", StringComparison.Ordinal)).Should().Be(1, string.Join('\n', logged));
        var results = search.GetProperty("result").GetProperty("structuredContent");
        results.GetProperty("results").GetArrayLength().Should().BeGreaterThan(0, search.ToString());
        _fixture.Sandbox.Requests.Total.Should().Be(requestsBefore, "the index comes from the cache, which knows the organization: nothing is asked of Sigma");
        mapped.Should().NotContain("Polly.Core.dll", "the Sigma HTTP stack is built on first use (SigmaHttpServices), and this session never called Sigma");
        mapped.Should().NotContain("System.Net.Http.dll", "the Sigma HTTP stack is built on first use (SigmaHttpServices), and this session never called Sigma");
        mapped.Should().NotContain("libcrypto", "the cache names its mutex and keys with managed hashes (NameHash): a session that never calls Sigma loads no OpenSSL");
    }

    [Fact]
    public async Task Serve_DiscoverHandshakeWithoutInitialize_SearchAnswersFromTheCache()
    {
        var refresh = await ToolProcess.RunAsync(_fixture.Directory.Path, _fixture.Settings(), "cache", "refresh");
        refresh.ExitCode.Should().Be(0, refresh.ToString());
        var (command, arguments) = ToolProcess.Command("serve");
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = command,
            Arguments = arguments,
            WorkingDirectory = _fixture.Directory.Path,
            EnvironmentVariables = _fixture.Settings(),
        });

        // The 2026-07-28 protocol opens with server/discover and never sends initialize; the index must start all the same.
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { DiscoverProbeTimeout = TestTimeouts.Default }, cancellationToken: TestTimeouts.Token());
        var result = await client.CallToolAsync("search_documents", new Dictionary<string, object?> { ["query"] = "revenue" }, cancellationToken: TestTimeouts.Token());

        client.NegotiatedProtocolVersion.Should().Be("2026-07-28");
        result.IsError.Should().NotBe(true);
        result.StructuredContent!.Value.GetProperty("results").GetArrayLength().Should().BeGreaterThan(0);
    }
}
