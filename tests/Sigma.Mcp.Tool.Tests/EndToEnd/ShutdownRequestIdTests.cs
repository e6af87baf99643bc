using System.Diagnostics;
using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.EndToEnd;

/// <summary>
/// Shutdown waits only for requests not yet answered, and recognises an answer whatever way the reply escapes its id
/// (the SDK writes <c>"a+b"</c> as <c>"a\u002Bb"</c>): ids compared as JSON values, not as text.
/// </summary>
public sealed class ShutdownRequestIdTests : IAsyncLifetime, IDisposable
{
    private readonly SandboxFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task Serve_RequestIdsThatRepliesEscape_AllAnsweredThenStdinClosed_ExitsInUnderOneSecond()
    {
        var settings = _fixture.Settings();
        using var process = Process.Start(ToolProcess.StartInfo(_fixture.Directory.Path, settings, "serve"))!;
        var stderr = process.StandardError.ReadToEndAsync();
        string[] ids = ["a+b", "ü", "<x>"];
        var requests = ids.Select((id, i) => i == 0
            ? """{"jsonrpc":"2.0","id":""" + "\"" + id + "\"" + ""","method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"raw-test","version":"1"}}}"""
            : $$"""{"jsonrpc":"2.0","id":"{{id}}","method":"tools/list"}""");
        await process.StandardInput.WriteAsync(string.Join('\n', requests.Take(1).Append("""{"jsonrpc":"2.0","method":"notifications/initialized"}""").Concat(requests.Skip(1))) + "\n");
        await process.StandardInput.FlushAsync();

        // Every request answered (as the client reads it), so nothing is left for shutdown to wait for.
        var answered = new List<string>();
        using (var timeout = new CancellationTokenSource(TestTimeouts.Default))
        {
            while (answered.Count < ids.Length && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (JsonDocument.Parse(line).RootElement.TryGetProperty("id", out var id))
                {
                    answered.Add(id.GetString()!);
                }
            }
        }

        answered.Should().BeEquivalentTo(ids);
        var closed = Stopwatch.StartNew();
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestTimeouts.Token());
        closed.Stop();

        process.ExitCode.Should().Be(0, await stderr);
        // Under 1 s on a quiet machine; the margin is for a loaded one. Unmatched ids waited the full 30 s drain.
        closed.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "no answered request is waited for (the drain waits up to 30 s)");
    }
}
