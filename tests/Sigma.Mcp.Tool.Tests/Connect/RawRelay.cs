using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Connect;

/// <summary>A running <c>sigma-mcp connect</c> spoken to line by line: stdin written, stdout read, stderr collected.</summary>
internal sealed class RawRelay : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _stderr = [];
    private readonly TaskCompletionSource _stderrDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RawRelay(ProcessStartInfo info)
    {
        _process = new Process { StartInfo = info };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _stderrDone.TrySetResult();
                return;
            }

            lock (_stderr)
            {
                _stderr.Add(e.Data);
            }
        };
        _process.Start();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> StderrLines
    {
        get
        {
            lock (_stderr)
            {
                return [.. _stderr];
            }
        }
    }

    public string Stderr => string.Join('\n', StderrLines);

    public async Task SendAsync(params string[] lines)
    {
        await _process.StandardInput.WriteAsync(string.Join('\n', lines) + "\n");
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Reads stdout lines until one is the answer to <paramref name="id"/> (its JSON text, e.g. <c>1</c> or <c>"hb"</c>).</summary>
    public async Task<JsonElement> ReadAnswerAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var message = JsonDocument.Parse(line).RootElement;
            if (message.TryGetProperty("id", out var found) && found.GetRawText() == id && !message.TryGetProperty("method", out _))
            {
                return message;
            }
        }

        throw new InvalidOperationException($"stdout ended before the answer to {id}.\n--- stderr\n{Stderr}");
    }

    /// <summary>Reads stdout lines until each of <paramref name="ids"/> is answered, in whatever order the answers come.</summary>
    public async Task<Dictionary<string, JsonElement>> ReadAnswersAsync(params string[] ids)
    {
        var answers = new Dictionary<string, JsonElement>();
        using var timeout = new CancellationTokenSource(TestTimeouts.Default);
        while (answers.Count < ids.Length && await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var message = JsonDocument.Parse(line).RootElement;
            if (message.TryGetProperty("id", out var found) && ids.Contains(found.GetRawText()) && !message.TryGetProperty("method", out _))
            {
                answers[found.GetRawText()] = message;
            }
        }

        return answers.Count == ids.Length ? answers : throw new InvalidOperationException($"stdout ended before every answer.\n--- stderr\n{Stderr}");
    }

    /// <summary>Until the relay logged that it relays (it reads stdin from then on).</summary>
    public Task WaitUntilReadyAsync() =>
        ConnectProcess.WaitUntilAsync(() => StderrLines.Any(l => l.Contains("relaying stdio to", StringComparison.Ordinal)), "the relay is ready");

    public Task WaitUntilRelayingAsync(string id) =>
        ConnectProcess.WaitUntilAsync(() => ConnectProcess.IsRelaying(StderrLines, id), $"the relay forwards request {id}");

    /// <summary>Waits for the exit and returns the exit code with everything left on stdout, and all of stderr.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> FinishAsync()
    {
        var stdout = await _process.StandardOutput.ReadToEndAsync(TestTimeouts.Token());
        await _process.WaitForExitAsync(TestTimeouts.Token());
        await _stderrDone.Task.WaitAsync(TestTimeouts.Default);
        return (_process.ExitCode, stdout, Stderr);
    }

    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
