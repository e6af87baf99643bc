using System.Buffers;

namespace Sigma.Mcp.Tool.Hosting;

/// <summary>Cuts a byte stream into newline-terminated lines, keeping a partial line until its end arrives.</summary>
internal sealed class LineSplitter
{
    private readonly ArrayBufferWriter<byte> _partial = new();

    public void Push(ReadOnlySpan<byte> data, Action<ReadOnlySpan<byte>> onLine)
    {
        while (data.Length > 0)
        {
            var newline = data.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _partial.Write(data);
                return;
            }

            if (_partial.WrittenCount == 0)
            {
                onLine(data[..newline]);
            }
            else
            {
                _partial.Write(data[..newline]);
                onLine(_partial.WrittenSpan);
                _partial.ResetWrittenCount();
            }

            data = data[(newline + 1)..];
        }
    }
}
