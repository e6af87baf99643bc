namespace Sigma.Mcp.Tool.Hosting;

/// <summary>
/// Wraps stdin for the MCP transport. The SDK ends the session, cancelling in-flight requests, as soon as its input
/// ends; this stream reports the end only after every request already read has been answered. A shutdown signal
/// ends the input the same way, so SIGTERM also finishes in-flight work before the process exits.
/// </summary>
internal sealed class DrainingInputStream(Stream inner, InFlightRequests inFlight, TimeSpan drainTimeout) : Stream
{
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LineSplitter _lines = new();
    private bool _ended;

    /// <summary>Stop reading: the transport sees end-of-input once in-flight requests are answered.</summary>
    public void RequestShutdown() => _shutdown.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return 0;
        }

        // A pending read on stdin cannot be cancelled; on shutdown it is abandoned, and the process exits soon after.
        var read = inner.ReadAsync(buffer, cancellationToken).AsTask();
        var first = await Task.WhenAny(read, _shutdown.Task.WaitAsync(cancellationToken));
        var count = first == read ? await read : 0;
        if (count > 0)
        {
            // Count the requests before the transport sees them, so an EOF right behind them cannot outrun them.
            _lines.Push(buffer.Span[..count], inFlight.OnIncoming);
            return count;
        }

        _ended = true;
        await inFlight.WaitIdleAsync(drainTimeout);
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
