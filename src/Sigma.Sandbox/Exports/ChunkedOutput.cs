using System.Buffers;
using System.Text;

namespace Sigma.Sandbox.Exports;

/// <summary>
/// A buffer in front of the response stream: writers fill it, and it is sent in ~64 KB chunks, so a 50,000-row export
/// never sits in memory as a whole.
/// </summary>
internal sealed class ChunkedOutput(Stream output, CancellationToken cancellationToken)
{
    private const int ChunkBytes = 64 * 1024;

    public ArrayBufferWriter<byte> Buffer { get; } = new(ChunkBytes * 2);

    public void Append(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        int written = Encoding.UTF8.GetBytes(text, Buffer.GetSpan(max));
        Buffer.Advance(written);
    }

    public void Append(byte value)
    {
        Buffer.GetSpan(1)[0] = value;
        Buffer.Advance(1);
    }

    public async ValueTask FlushIfFullAsync()
    {
        if (Buffer.WrittenCount >= ChunkBytes)
        {
            await FlushAsync();
        }
    }

    public async ValueTask FlushAsync()
    {
        if (Buffer.WrittenCount > 0)
        {
            await output.WriteAsync(Buffer.WrittenMemory, cancellationToken);
            Buffer.ResetWrittenCount();
        }
    }
}
