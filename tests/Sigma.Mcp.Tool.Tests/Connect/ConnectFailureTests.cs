using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Http;
using Sigma.Mcp.Tool.Tests.Tools;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Connect;

/// <summary>
/// What a desktop user sees when the remote is down, refuses the token, or restarts: an answer that says what
/// happened and what to do, quickly, never a hang; and after a restart, the next call simply works.
/// </summary>
public sealed class ConnectFailureTests(AuthenticatedServerFixture remote) : IClassFixture<AuthenticatedServerFixture>, IDisposable
{
    private const string WrongToken = "wrong-token-0123456789abcdef";
    private readonly TempDirectory _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task RemoteDown_InitializeAndToolCallAnsweredWithinFiveSecondsSayingSo()
    {
        var nobody = new Uri($"http://127.0.0.1:{UnusedPort()}/mcp");
        using var relay = ConnectProcess.StartRaw(nobody, _home.Path, AuthenticatedServerFixture.Token);
        await relay.WaitUntilReadyAsync(); // the clock measures the relay, not the start of a process on a busy machine

        var clock = Stopwatch.StartNew();
        await relay.SendAsync(ConnectProcess.Initialize);
        var initialize = await relay.ReadAnswerAsync("1");
        var initializeTook = clock.Elapsed;
        clock.Restart();
        await relay.SendAsync(ConnectProcess.CallHeartbeat);
        var call = await relay.ReadAnswerAsync("\"hb\"");
        var callTook = clock.Elapsed;

        initialize.GetProperty("error").GetProperty("message").GetString().Should().Contain("Cannot reach").And.Contain("connection refused").And.Contain(nobody.ToString());
        initializeTook.Should().BeLessThan(TimeSpan.FromSeconds(5));
        call.GetProperty("result").GetProperty("isError").GetBoolean().Should().BeTrue("a tool call fails as a tool error, which clients show");
        call.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString().Should().Contain("Cannot reach");
        callTook.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WrongTokenFromEnvironment_ErrorNamesTheSettingAndNeverShowsTheToken()
    {
        using var relay = ConnectProcess.StartRaw(remote.Server.McpEndpoint, _home.Path, WrongToken);
        await relay.SendAsync(ConnectProcess.Initialize);

        var answer = await relay.ReadAnswerAsync("1");
        relay.CloseInput();
        var (exitCode, stdout, stderr) = await relay.FinishAsync();

        answer.GetProperty("error").GetProperty("message").GetString().Should().Contain("SIGMA_MCP_CONNECT_TOKEN").And.Contain("401");
        exitCode.Should().Be(0);
        (stdout + stderr + answer.GetRawText()).Should().NotContain(WrongToken);
    }

    [Fact]
    public async Task WrongTokenFromFile_ErrorNamesTheFile()
    {
        var tokenFile = Path.Combine(_home.Path, "token.txt");
        await File.WriteAllTextAsync(tokenFile, WrongToken + "\n");
        using var relay = ConnectProcess.StartRaw(remote.Server.McpEndpoint, _home.Path, token: null, "--token-file", tokenFile);
        await relay.SendAsync(ConnectProcess.Initialize);

        var answer = await relay.ReadAnswerAsync("1");

        answer.GetProperty("error").GetProperty("message").GetString().Should().Contain($"--token-file {tokenFile}").And.Contain("401");
    }

    [Fact]
    public async Task NoToken_ServerWithoutLogin_ErrorSaysToSetTheToken()
    {
        using var relay = ConnectProcess.StartRaw(remote.Server.McpEndpoint, _home.Path, token: null);
        await relay.SendAsync(ConnectProcess.Initialize);

        var answer = await relay.ReadAnswerAsync("1");

        answer.GetProperty("error").GetProperty("message").GetString().Should().Contain("needs a token").And.Contain("SIGMA_MCP_CONNECT_TOKEN");
    }

    [Fact]
    public async Task RemoteRestartedMidSession_CallWhileDownSaysSo_NextCallAfterRestartSucceeds()
    {
        await using var sandbox = await SigmaSandbox.StartAsync();
        var settings = new Dictionary<string, string?>(SandboxSettings.For(sandbox))
        {
            ["SIGMA_MCP_CACHE_PATH"] = _home.File("cache.db"),
            ["SIGMA_MCP_HTTP_TOKENS"] = AuthenticatedServerFixture.Token,
        };
        var server = await HttpToolServer.StartAsync(_home.Path, settings);
        var address = server.BaseAddress.ToString().TrimEnd('/');
        try
        {
            await using var client = await ConnectProcess.ConnectSdkClientAsync(server.McpEndpoint, _home.Path, AuthenticatedServerFixture.Token, "2025-11-25");
            (await client.CallAsync("heartbeat")).IsError.Should().NotBe(true);

            await server.StopAsync();
            await server.DisposeAsync();
            var whileDown = await client.CallAsync("heartbeat");
            whileDown.IsError.Should().BeTrue();
            TextOf(whileDown).Should().Contain("Cannot reach");

            server = await HttpToolServer.StartOnAsync(address, _home.Path, settings);
            var afterRestart = await client.CallAsync("heartbeat");

            afterRestart.IsError.Should().NotBe(true, TextOf(afterRestart));
            afterRestart.StructuredContent!.Value.GetProperty("status").GetString().Should().Be("healthy");
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static string TextOf(ModelContextProtocol.Protocol.CallToolResult result) =>
        string.Join('\n', result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(c => c.Text));

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
