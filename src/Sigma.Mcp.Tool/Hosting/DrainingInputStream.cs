using System.Collections.Concurrent;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>
/// Wraps stdin for the MCP transport. The SDK ends the session, cancelling in-flight requests, as soon as its input
/// ends; this stream reports the end only after every request already read has been answered. A shutdown signal
/// ends the input the same way, so SIGTERM also finishes in-flight work before the process exits. It can also hand the
/// transport a line of the server's own (<see cref="Inject"/>, see <see cref="TransportWarmUp"/>), between two of the
/// client's lines, never inside one.
/// </summary>
internal sealed class DrainingInputStream(Stream inner, InFlightRequests inFlight, TimeSpan drainTimeout) : Stream
{
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LineSplitter _lines = new();
    private readonly ConcurrentQueue<byte[]> _injected = new();
    // stdin is read into a buffer of this stream's own, so that a read left pending (for an injected line, or at
    // shutdown) never writes into a buffer the transport has moved on from.
    private readonly byte[] _buffer = new byte[16 * 1024];
    private volatile TaskCompletionSource _injectedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<int>? _pendingRead;
    private ReadOnlyMemory<byte> _unread;
    private bool _atLineStart = true;
    private bool _ended;

    /// <summary>Stop reading: the transport sees end-of-input once in-flight requests are answered.</summary>
    public void RequestShutdown() => _shutdown.TrySetResult();

    /// <summary>Whether the input has ended (EOF or shutdown): nothing injected now would be read.</summary>
    public bool HasEnded => Volatile.Read(ref _ended) || _shutdown.Task.IsCompleted;

    /// <summary>Queues one line (without its newline) for the transport, after the client's line being read now.</summary>
    public void Inject(ReadOnlySpan<byte> line)
    {
        _injected.Enqueue([.. line, (byte)'\n']);
        _injectedSignal.TrySetResult();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!_ended)
        {
            if (!_unread.IsEmpty)
            {
                var count = Math.Min(buffer.Length, _unread.Length);
                _unread.Span[..count].CopyTo(buffer.Span);
                _unread = _unread[count..];
                return count;
            }

            // Replaced before the queue is looked at, so that a line queued from here on completes the new signal.
            var signal = _injectedSignal;
            if (signal.Task.IsCompleted)
            {
                signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
                _injectedSignal = signal;
            }

            if (_atLineStart && _injected.TryDequeue(out var line))
            {
                // Counted like the client's requests, so that an EOF right behind it waits for its answer too.
                _lines.Push(line, inFlight.OnIncoming);
                _unread = line;
                continue;
            }

            // A pending read on stdin cannot be cancelled; on shutdown it is abandoned, and the process exits soon after.
            _pendingRead ??= inner.ReadAsync(_buffer, cancellationToken).AsTask();
            var injected = signal.Task.WaitAsync(cancellationToken);
            var first = await Task.WhenAny(_pendingRead, _shutdown.Task.WaitAsync(cancellationToken), injected);
            if (first == injected && injected.IsCompletedSuccessfully)
            {
                continue;
            }

            var read = first == _pendingRead ? await _pendingRead : 0;
            _pendingRead = null;
            if (read > 0)
            {
                // Count the requests before the transport sees them, so an EOF right behind them cannot outrun them.
                _lines.Push(_buffer.AsSpan(0, read), inFlight.OnIncoming);
                _atLineStart = _buffer[read - 1] == (byte)'\n';
                _unread = _buffer.AsMemory(0, read);
                continue;
            }

            Volatile.Write(ref _ended, true);
            await inFlight.WaitIdleAsync(drainTimeout);
        }

        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
