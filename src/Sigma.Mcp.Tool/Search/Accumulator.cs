using System.Runtime.InteropServices;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// What one search has found so far about one document or element. <see cref="Seen"/> has bit
/// <c>field * 8 + word</c>, so its low byte is the set of words matched in the name.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Accumulator
{
    public float Score;

    /// <summary>Words matched in any field.</summary>
    public byte Words;

    /// <summary>Words matched exactly (not by prefix or typo) in the name.</summary>
    public byte NameExact;

    public ulong Seen;

    public readonly byte NameWords => (byte)Seen;
}
