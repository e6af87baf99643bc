using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary><c>serve --http</c> started with settings of a test's own: refusals at start, limits, readiness, refresh, shutdown.</summary>
public sealed class HttpServeProcessTests : IAsyncLifetime, IDisposable
{
    private const string Token = "process-token-0123456789abcdef";
    private readonly SandboxFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://[::]:0")]
    [InlineData("http://*:0")]
    [InlineData("http://127.0.0.1:0;http://0.0.0.0:0")]
    public async Task Serve_NonLoopbackWithoutTokens_ExitsTwoWithOneLine(string urls)
    {
        var run = await ToolProcess.RunAsync(Settings(), "serve", "--http", "--urls", urls);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Trim().Split('\n').Should().ContainSingle(run.ToString())
            .Which.Should().StartWith("sigma-mcp: Refusing to listen on").And.Contain("SIGMA_MCP_HTTP_TOKENS");
    }

    [Fact]
    public async Task Serve_AllowUnauthenticatedOnNonLoopback_ExitsTwo()
    {
        var run = await ToolProcess.RunAsync(Settings(), "serve", "--http", "--urls", "http://0.0.0.0:0", "--allow-unauthenticated");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("--allow-unauthenticated is only allowed on a loopback address");
    }

    [Fact]
    public async Task Serve_LoopbackWithoutTokensOrAllowUnauthenticated_ExitsTwo()
    {
        var run = await ToolProcess.RunAsync(Settings(), "serve", "--http");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("SIGMA_MCP_HTTP_TOKENS").And.Contain("--allow-unauthenticated");
    }

    [Fact]
    public async Task Serve_HttpOptionWithoutHttp_ExitsTwo()
    {
        var run = await ToolProcess.RunAsync(Settings(), "serve", "--urls", "http://127.0.0.1:0");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Stderr.Should().Contain("--urls applies only to serve --http");
    }

    [Fact]
    public async Task Serve_PortInUse_ExitsOneSayingSo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var run = await ToolProcess.RunAsync(Settings(tokens: Token), "serve", "--http", "--urls", $"http://127.0.0.1:{port}");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain($"sigma-mcp: cannot listen on http://127.0.0.1:{port}");
    }

    [Fact]
    public async Task Serve_OverTheRateLimit_Returns429WithRetryAfter()
    {
        var settings = Settings(tokens: Token);
        settings["SIGMA_MCP_RATE_LIMIT"] = "3";
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, settings);
        using var http = server.CreateHttpClient(Token);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 5 && limited is null; i++)
        {
            var response = await http.PostAsync(new Uri("mcp", UriKind.Relative), new StringContent("{}", null, "application/json"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        statuses.Should().HaveCount(4).And.EndWith(HttpStatusCode.TooManyRequests);
        using (limited)
        {
            limited!.Headers.RetryAfter!.Delta.Should().BePositive();
        }
    }

    [Fact]
    public async Task Readyz_CacheNeverRefreshed_Returns503WithReason()
    {
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, Settings(tokens: Token));
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().Should().Be("not_ready");
        json.RootElement.GetProperty("reason").GetString().Should().Contain("cache is empty");
        json.RootElement.ToString().Should().NotContain(_fixture.Sandbox.ClientSecret);
    }

    [Fact]
    public async Task Readyz_SigmaRefusesCredentials_Returns503()
    {
        var settings = Settings(tokens: Token);
        settings["SIGMA_CLIENT_SECRET"] = "not-the-secret";
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, settings);
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, body);
        body.Should().Contain("\"sigma\":\"failing\"").And.NotContain("not-the-secret");
    }

    [Fact]
    public async Task Serve_RefreshInterval_RefreshesTheCacheInTheBackground()
    {
        await using var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, Settings(tokens: Token), "--refresh-interval", "1h");
        using var http = server.CreateHttpClient();

        var status = await PollReadyzAsync(http, HttpStatusCode.OK);

        status.Should().Be(HttpStatusCode.OK, server.Stderr);
        server.Stderr.Should().Contain("Scheduled cache refresh published generation 1");
    }

    [Fact]
    public async Task Serve_SigtermDuringToolCall_FinishesTheCallThenExitsZero()
    {
        var server = await HttpToolServer.StartAsync(_fixture.Directory.Path, Settings(tokens: Token));
        await using (server)
        {
            await using var client = await server.ConnectAsync(Token, "2025-11-25");
            _fixture.Sandbox.Faults.Latency = TimeSpan.FromSeconds(1);
            var before = _fixture.Sandbox.Requests.Total;
            var call = client.CallToolAsync("heartbeat", cancellationToken: TestTimeouts.Token()).AsTask();

            // Wait until the heartbeat is on its way to Sigma, then ask the server to stop.
            var deadline = DateTime.UtcNow + TestTimeouts.Default;
            while (_fixture.Sandbox.Requests.Total == before && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            var stopped = server.StopAsync();
            var result = await call;

            result.IsError.Should().NotBe(true);
            result.StructuredContent!.Value.GetProperty("status").GetString().Should().Be("healthy");
            (await stopped).Should().Be(0, server.Stderr);
        }
    }

    [Fact]
    public async Task ServeStdio_Running_LoadsNoAspNetCoreAssembly()
    {
        // The stdio path must not pay for the HTTP mode: no ASP.NET Core assembly is mapped into the process.
        // (/proc/<pid>/maps is Linux's; the project's machines and CI are Linux.)
        OperatingSystem.IsLinux().Should().BeTrue("this check reads /proc/<pid>/maps");
        var settings = Settings();
        var info = ToolProcess.StartInfo(_fixture.Directory.Path, settings, "serve");
        using var process = Process.Start(info)!;
        try
        {
            await process.StandardInput.WriteLineAsync("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""");
            await process.StandardInput.FlushAsync();
            var answer = await process.StandardOutput.ReadLineAsync().WaitAsync(TestTimeouts.Default);
            answer.Should().Contain("\"serverInfo\"");

            // The Microsoft.Extensions.* assemblies come from the Microsoft.AspNetCore.App folder; what counts is the file names.
            var assemblies = (await File.ReadAllLinesAsync($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/maps"))
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
                .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
                .Select(Path.GetFileName)
                .Distinct()
                .ToList();

            if (!ToolProcess.IsNative)
            {
                assemblies.Should().Contain("sigma-mcp.dll").And.Contain("ModelContextProtocol.dll");
            }

            assemblies.Should().NotContain(name => name!.Contains("AspNetCore", StringComparison.Ordinal));
        }
        finally
        {
            process.StandardInput.Close();
            await process.WaitForExitAsync(TestTimeouts.Token());
        }
    }

    private static async Task<HttpStatusCode> PollReadyzAsync(HttpClient http, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        HttpStatusCode status;
        do
        {
            using var response = await http.GetAsync(new Uri("readyz", UriKind.Relative));
            status = response.StatusCode;
            if (status == wanted)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        return status;
    }

    private Dictionary<string, string?> Settings(string? tokens = null)
    {
        var settings = _fixture.Settings();
        if (tokens is not null)
        {
            settings["SIGMA_MCP_HTTP_TOKENS"] = tokens;
        }

        return settings;
    }
}
