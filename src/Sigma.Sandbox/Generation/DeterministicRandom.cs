using System.Text;

namespace Sigma.Sandbox.Generation;

/// <summary>
/// SplitMix64: tiny, fast and fully specified here, so generated content never changes with the runtime's
/// <see cref="Random"/> implementation. Not for anything secret.
/// </summary>
internal sealed class DeterministicRandom(ulong state)
{
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private ulong _state = state;

    /// <summary>A stream keyed by a seed and a name, so that each entity's details can be regenerated on demand.</summary>
    public static DeterministicRandom For(int seed, string key) => new(Hash(key) ^ (ulong)(uint)seed * 0x9E3779B97F4A7C15UL);

    /// <summary>FNV-1a over UTF-16 code units: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static ulong Hash(string key)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>A number in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A version-4 shaped UUID string.</summary>
    public string NextUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, NextUInt64());
        BitConverter.TryWriteBytes(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>A base62 id like Sigma's url ids (22 chars) and element ids (10 chars).</summary>
    public string NextBase62(int length)
    {
        var builder = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            builder.Append(Base62[Next(Base62.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>Picks <paramref name="count"/> distinct items, keeping their original order.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var picked = new List<T>(Math.Min(count, items.Count));
        int needed = Math.Min(count, items.Count);
        for (int i = 0; i < items.Count && needed > 0; i++)
        {
            if (Next(items.Count - i) < needed)
            {
                picked.Add(items[i]);
                needed--;
            }
        }

        return picked;
    }
}
