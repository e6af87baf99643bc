using System.Diagnostics;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>
/// <c>sigma-mcp cache refresh</c> as separate processes on one cache: killed with SIGKILL at random points, and run
/// twice at once. Subclasses choose the backend.
/// </summary>
public abstract class CacheRefreshProcessTests : IAsyncLifetime, IDisposable
{
    private readonly SandboxFixture _fixture = new(new SandboxOptions { Workbooks = 300 });

    protected string WorkingDirectory => _fixture.Directory.Path;

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _fixture.Sandbox.Faults.Latency = TimeSpan.FromMilliseconds(5);
    }

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose()
    {
        DisposeBackend();
        _fixture.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes what <see cref="OpenCache"/> opened.</summary>
    private protected virtual void DisposeBackend()
    {
    }

    /// <summary>Settings that point the tool at this backend's storage.</summary>
    private protected abstract IReadOnlyDictionary<string, string?> BackendSettings { get; }

    /// <summary>A cache over the same storage, for checking from the test process.</summary>
    private protected abstract ICache OpenCache();

    [Fact]
    public async Task Refresh_KilledAtRandomPoints20Times_PreviousGenerationStaysCompleteAndNextRefreshSucceeds()
    {
        var first = await ToolProcess.RunAsync(WorkingDirectory, Settings(), "cache", "refresh");
        first.ExitCode.Should().Be(0, first.ToString());
        var cache = OpenCache();
        var organization = _fixture.Sandbox.Data.OrganizationId;
        using var stopReading = new CancellationTokenSource();
        var reader = ReadContinuouslyAsync(cache, organization, stopReading.Token);
        var random = new Random(20261124);

        for (var kill = 0; kill < 20; kill++)
        {
            // Each round changes the organization, so that consecutive generations differ.
            _fixture.Sandbox.Data.AddWorkbook($"Round {kill} Workbook");
            foreach (var workbook in _fixture.Sandbox.Data.Workbooks.Skip(kill * 10).Take(20))
            {
                _fixture.Sandbox.Data.TouchWorkbook(workbook.Id);
            }

            using var process = Process.Start(ToolProcess.StartInfo(WorkingDirectory, Settings(), "cache", "refresh"))!;
            process.StandardInput.Close();
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(random.Next(150, 2500)));
            process.Kill(); // SIGKILL: no cleanup, no lease release
            await process.WaitForExitAsync();

            await AssertPublishedGenerationCompleteAsync(cache, organization);
        }

        var last = await ToolProcess.RunAsync(WorkingDirectory, Settings(), "cache", "refresh");
        last.ExitCode.Should().Be(0, last.ToString());
        await stopReading.CancelAsync();
        (await reader).Should().BeGreaterThan(0, "the reader read generations while refreshes ran");
        var metadata = await AssertPublishedGenerationCompleteAsync(cache, organization);
        metadata.Counts[DocumentTypes.Workbook].Should().Be(_fixture.Sandbox.Data.Workbooks.Count);
    }

    [Fact]
    public async Task Refresh_TwoAtOnce_OneRunsOneReportsTheLease()
    {
        _fixture.Sandbox.Faults.Latency = TimeSpan.FromMilliseconds(25); // long enough for the two to overlap

        var runs = await Task.WhenAll(
            ToolProcess.RunAsync(WorkingDirectory, Settings(), "cache", "refresh"),
            ToolProcess.RunAsync(WorkingDirectory, Settings(), "cache", "refresh"));

        runs.Select(r => r.ExitCode).Should().BeEquivalentTo([0, 1], string.Join("\n", runs.Select(r => r.ToString())));
        runs.Single(r => r.ExitCode == 1).Stderr.Should().Contain("Another refresh of this organization's cache is running");
        await AssertPublishedGenerationCompleteAsync(OpenCache(), _fixture.Sandbox.Data.OrganizationId);
    }

    [Fact]
    public async Task StatusAndClear_AfterRefresh_ReportCountsThenEmpty()
    {
        (await ToolProcess.RunAsync(WorkingDirectory, Settings(), "populate-cache")).ExitCode.Should().Be(0);

        var status = await ToolProcess.RunAsync(WorkingDirectory, Settings(), "cache", "status", "--json");
        status.ExitCode.Should().Be(0, status.ToString());
        using (var json = System.Text.Json.JsonDocument.Parse(status.Stdout))
        {
            var root = json.RootElement;
            root.GetProperty("organization_id").GetString().Should().Be(_fixture.Sandbox.Data.OrganizationId);
            root.GetProperty("generation").GetInt64().Should().BePositive();
            root.GetProperty("last_refreshed_at").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
            var counts = root.GetProperty("counts");
            counts.GetProperty("workbook").GetInt32().Should().Be(_fixture.Sandbox.Data.Workbooks.Count);
            counts.GetProperty("data-model").GetInt32().Should().Be(_fixture.Sandbox.Data.DataModels.Count);
            counts.GetProperty("dataset").GetInt32().Should().Be(_fixture.Sandbox.Data.Datasets.Count);
            counts.GetProperty("report").GetInt32().Should().Be(_fixture.Sandbox.Data.Reports.Count);
            counts.GetProperty("element").GetInt32().Should().BePositive();
            counts.GetProperty("member").GetInt32().Should().BePositive();
        }

        (await ToolProcess.RunAsync(WorkingDirectory, Settings(), "cache", "clear")).ExitCode.Should().Be(0);
        var cleared = await ToolProcess.RunAsync(WorkingDirectory, Settings(), "cache", "status");
        cleared.Stdout.Should().Contain("Empty: never refreshed");
    }

    [Fact]
    public async Task Refresh_PausedPastItsLeaseThenContinued_ExitsOneSayingTheLeaseWasLostAndTheSecondRefreshStands()
    {
        _fixture.Sandbox.Faults.Latency = TimeSpan.FromMilliseconds(30); // a fetch phase long enough to be paused in
        var settings = Settings();
        settings["SIGMA_MCP_REFRESH_LEASE"] = "5s";
        using var first = Process.Start(ToolProcess.StartInfo(WorkingDirectory, settings, "cache", "refresh"))!;
        first.StandardInput.Close();
        _ = first.StandardOutput.ReadToEndAsync();
        var fetching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = ReadLinesAsync(first.StandardError, line =>
        {
            if (line.StartsWith("Fetching", StringComparison.Ordinal))
            {
                fetching.TrySetResult();
            }
        });
        await fetching.Task.WaitAsync(TestTimeouts.Default);

        Signal(first, "STOP");
        try
        {
            _fixture.Sandbox.Data.AddWorkbook("Added While The First Was Paused");

            // Refused while the paused refresh's lease runs; taken over once it has expired.
            while (await ToolProcess.RunAsync(WorkingDirectory, settings, "cache", "refresh") is { ExitCode: not 0 } refused)
            {
                refused.Stderr.Should().Contain("Another refresh of this organization's cache is running", refused.ToString());
            }
        }
        finally
        {
            Signal(first, "CONT");
        }

        using (var timeout = new CancellationTokenSource(TestTimeouts.Default))
        {
            await first.WaitForExitAsync(timeout.Token);
        }

        var lines = await stderr;
        first.ExitCode.Should().Be(1, string.Join('\n', lines));
        lines.Should().ContainSingle(l => l.StartsWith("sigma-mcp: ", StringComparison.Ordinal))
            .Which.Should().StartWith("sigma-mcp: Refresh lease lost to ");
        lines.Should().NotContain(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal), "a lost lease is one line, not a stack trace");
        var metadata = await AssertPublishedGenerationCompleteAsync(OpenCache(), _fixture.Sandbox.Data.OrganizationId);
        var documents = await OpenCache().ReadDocumentsAsync(_fixture.Sandbox.Data.OrganizationId, metadata.Generation, TestTimeouts.Token()).ToListAsync();
        documents.Where(d => d.Type == DocumentTypes.Workbook).Select(d => d.Id).ShouldBeExactly(_fixture.Sandbox.Data.Workbooks.Select(w => w.Id));
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        kill.ExitCode.Should().Be(0, $"kill -{signal} {process.Id}");
    }

    private static async Task<List<string>> ReadLinesAsync(StreamReader reader, Action<string> onLine)
    {
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add(line);
            onLine(line);
        }

        return lines;
    }

    private Dictionary<string, string?> Settings() => new(SandboxSettings.For(_fixture.Sandbox).Concat(BackendSettings));

    private static async Task<CacheMetadata> AssertPublishedGenerationCompleteAsync(ICache cache, string organization)
    {
        var metadata = await cache.GetMetadataAsync(organization, TestTimeouts.Token());
        metadata.Should().NotBeNull("the first refresh published a generation");
        var documents = await cache.ReadDocumentsAsync(organization, metadata!.Generation, TestTimeouts.Token()).ToListAsync();
        documents.Select(d => d.Id).Should().OnlyHaveUniqueItems();
        foreach (var type in DocumentTypes.All)
        {
            documents.Count(d => d.Type == type).Should().Be(metadata.Counts[type], $"generation {metadata.Generation} holds exactly the {type}s it published");
        }

        documents.Sum(d => d.Elements.Count).Should().Be(metadata.Counts["element"]);
        return metadata;
    }

    // Reads the published generation over and over; a mixed or partial generation fails the test.
    private static async Task<int> ReadContinuouslyAsync(ICache cache, string organization, CancellationToken stop)
    {
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            await AssertPublishedGenerationCompleteAsync(cache, organization);
            reads++;
            await Task.Delay(50, CancellationToken.None);
        }

        return reads;
    }
}
