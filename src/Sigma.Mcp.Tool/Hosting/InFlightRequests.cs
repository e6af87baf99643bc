namespace Sigma.Mcp.Tool.Hosting;

/// <summary>
/// The JSON-RPC requests read from stdin whose response has not yet been written to stdout, by id, so that shutdown
/// (stdin EOF or SIGTERM) can wait for them instead of dropping them.
/// </summary>
internal sealed class InFlightRequests
{
    private readonly HashSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _idle = Completed();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Observes one line read from the client.</summary>
    public void OnIncoming(ReadOnlySpan<byte> line)
    {
        var message = JsonRpcLine.Parse(line);
        switch (message.Kind)
        {
            case JsonRpcLineKind.Request:
                Started(message.Id!);
                break;
            case JsonRpcLineKind.Cancelled when message.Id is not null:
                // A cancelled request may never be answered; stop waiting for it.
                Finished(message.Id);
                break;
        }
    }

    /// <summary>Observes one line written to the client.</summary>
    public void OnOutgoing(ReadOnlySpan<byte> line)
    {
        if (JsonRpcLine.Parse(line) is { Kind: JsonRpcLineKind.Response, Id: { } id })
        {
            Finished(id);
        }
    }

    /// <summary>Completes when nothing is in flight, or when <paramref name="timeout"/> passes.</summary>
    public async Task WaitIdleAsync(TimeSpan timeout)
    {
        Task idle;
        lock (_gate)
        {
            idle = _idle.Task;
        }

        await Task.WhenAny(idle, Task.Delay(timeout));
    }

    private void Started(string id)
    {
        lock (_gate)
        {
            if (_pending.Add(id) && _pending.Count == 1)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Finished(string id)
    {
        lock (_gate)
        {
            if (_pending.Remove(id) && _pending.Count == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var tcs = new TaskCompletionSource();
        tcs.SetResult();
        return tcs;
    }
}
