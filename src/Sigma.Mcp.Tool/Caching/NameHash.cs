using System.Buffers.Binary;
using System.Numerics;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// SHA-1 and SHA-256 (FIPS 180-4) in managed code, for what the cache derives names and keys from: LiteDB's
/// cross-process mutex name and the connection key. Never for security. The framework's hashes call OpenSSL on Linux,
/// and loading it only for those two names cost a <c>serve</c> session that otherwise never touches cryptography
/// ~6 MiB of its peak RSS (libcrypto, libssl, the native shim and System.Security.Cryptography). Checked against the
/// framework's own in NameHashTests.
/// </summary>
internal static class NameHash
{
    private static readonly uint[] s_sha256Rounds =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    public static byte[] Sha1(ReadOnlySpan<byte> data)
    {
        uint[] h = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
        var w = new uint[80];
        var message = Pad(data);
        for (var block = 0; block < message.Length; block += 64)
        {
            Schedule(message.AsSpan(block, 64), w);
            for (var t = 16; t < 80; t++)
            {
                w[t] = BitOperations.RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
            }

            uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
            for (var t = 0; t < 80; t++)
            {
                var (f, k) = (t / 20) switch
                {
                    0 => ((b & c) | (~b & d), 0x5A827999u),
                    1 => (b ^ c ^ d, 0x6ED9EBA1u),
                    2 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDCu),
                    _ => (b ^ c ^ d, 0xCA62C1D6u),
                };
                var next = BitOperations.RotateLeft(a, 5) + f + e + k + w[t];
                (e, d, c, b, a) = (d, c, BitOperations.RotateLeft(b, 30), a, next);
            }

            h[0] += a;
            h[1] += b;
            h[2] += c;
            h[3] += d;
            h[4] += e;
        }

        return BigEndian(h);
    }

    public static byte[] Sha256(ReadOnlySpan<byte> data)
    {
        uint[] h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        var w = new uint[64];
        var message = Pad(data);
        for (var block = 0; block < message.Length; block += 64)
        {
            Schedule(message.AsSpan(block, 64), w);
            for (var t = 16; t < 64; t++)
            {
                var s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
                var s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }

            uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
            for (var t = 0; t < 64; t++)
            {
                var sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
                var t1 = hh + sum1 + ((e & f) ^ (~e & g)) + s_sha256Rounds[t] + w[t];
                var sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
                var t2 = sum0 + ((a & b) ^ (a & c) ^ (b & c));
                (hh, g, f, e, d, c, b, a) = (g, f, e, d + t1, c, b, a, t1 + t2);
            }

            h[0] += a;
            h[1] += b;
            h[2] += c;
            h[3] += d;
            h[4] += e;
            h[5] += f;
            h[6] += g;
            h[7] += hh;
        }

        return BigEndian(h);
    }

    // The message, a 1 bit, zeros, and its length in bits as a big-endian 64-bit number, to a whole number of 64-byte blocks.
    private static byte[] Pad(ReadOnlySpan<byte> data)
    {
        var padded = new byte[(data.Length + 8) / 64 * 64 + 64];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(padded.Length - 8), (ulong)data.Length * 8);
        return padded;
    }

    private static void Schedule(ReadOnlySpan<byte> block, uint[] w)
    {
        for (var t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }
    }

    private static byte[] BigEndian(uint[] words)
    {
        var bytes = new byte[words.Length * 4];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(i * 4), words[i]);
        }

        return bytes;
    }
}
