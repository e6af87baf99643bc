using System.Runtime.InteropServices;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// What one search has found so far about one document or element. <see cref="Seen"/> has bit
/// <c>field * 8 + word</c>, so its low byte is the set of words matched in the name.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Accumulator
{
    /// <summary>
    /// A bit of <see cref="Seen"/> above the fields' bits: a number made a candidate before any list it is in was read
    /// (see <see cref="ListReader"/>), so that it counts as touched.
    /// </summary>
    public const ulong Candidate = 1UL << 63;

    public float Score;

    /// <summary>Words matched in any field.</summary>
    public byte Words;

    /// <summary>Words matched exactly (not by prefix or typo) in the name.</summary>
    public byte NameExact;

    /// <summary>Bit <c>field * 8 + word</c>: matched there; and <see cref="Candidate"/>.</summary>
    public ulong Seen;

    public readonly byte NameWords => (byte)Seen;
}
