using System.Buffers;
using System.Collections.Concurrent;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>
/// Wraps stdout for the MCP transport and tells <see cref="InFlightRequests"/> which responses have been written. The
/// answers to the server's own requests (<see cref="Swallow"/>, see <see cref="TransportWarmUp"/>) are kept off it:
/// while one is awaited, output is written a whole line at a time, and that answer's line is dropped.
/// </summary>
internal sealed class ObservedOutputStream(Stream inner, InFlightRequests inFlight) : Stream
{
    private readonly LineSplitter _lines = new();
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _swallowed = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> _held = new();

    /// <summary>
    /// Keeps the response to request <paramref name="id"/> (as <see cref="JsonRpcLine"/> gives it: a string id with its
    /// quotes) off the output; the task completes once that response has been written and dropped.
    /// </summary>
    public Task Swallow(string id) => _swallowed.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    // Written synchronously: a message into a pipe takes microseconds, while the console stream has no asynchronous
    // write or flush on Unix, and its WriteAsync and FlushAsync queue the same blocking call to the thread pool, a hop
    // each per message.
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_swallowed.IsEmpty && _held.WrittenCount == 0)
        {
            inner.Write(buffer);
            Observe(buffer);
            return;
        }

        // The SDK writes one message at a time (a message, then its newline), so a held line is never another's.
        while (!buffer.IsEmpty)
        {
            var newline = buffer.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _held.Write(buffer);
                return;
            }

            _held.Write(buffer[..(newline + 1)]);
            buffer = buffer[(newline + 1)..];
            var line = _held.WrittenMemory;
            if (!IsSwallowed(line.Span[..^1]))
            {
                inner.Write(line.Span);
            }

            Observe(line.Span);
            _held.ResetWrittenCount();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            inner.Flush();
            return Task.CompletedTask;
        }
        catch (Exception exception)
        {
            return Task.FromException(exception);
        }
    }

    public override void Flush() => inner.Flush();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool IsSwallowed(ReadOnlySpan<byte> line) =>
        !_swallowed.IsEmpty
        && JsonRpcLine.Parse(line) is { Kind: JsonRpcLineKind.Response, Id: { } id }
        && _swallowed.TryRemove(id, out var answered)
        && answered.TrySetResult();

    private void Observe(ReadOnlySpan<byte> written)
    {
        lock (_gate)
        {
            _lines.Push(written, inFlight.OnOutgoing);
        }
    }
}
