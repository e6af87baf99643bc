using System.Numerics;

namespace Sigma.Mcp.Tool.Search;

/// <summary>Searches in ascending int lists (posting lists, candidate numbers).</summary>
internal static class SortedInts
{
    /// <summary>The first index at or after <paramref name="from"/> whose value is >= <paramref name="value"/>: doubling steps, then a binary search.</summary>
    public static int Gallop(ReadOnlySpan<int> list, int from, int value)
    {
        var step = 1;
        var high = from;
        while (high < list.Length && list[high] < value)
        {
            from = high + 1;
            high += step;
            step <<= 1;
        }

        high = Math.Min(high, list.Length);
        var found = list[from..high].BinarySearch(value);
        return from + (found >= 0 ? found : ~found);
    }

    /// <summary>The first index whose value is >= <paramref name="value"/>.</summary>
    public static int LowerBound(ReadOnlySpan<int> list, int value)
    {
        var found = list.BinarySearch(value);
        return found >= 0 ? found : ~found;
    }

    /// <summary>
    /// Sorts distinct numbers below <c>bits.Length * 64</c>. Many numbers go through the bitset, which is linear
    /// (a pass over the bits, which it leaves cleared) where a comparison sort of the tens of thousands of numbers a
    /// long query touches costs more than reading them; a few are sorted as usual.
    /// </summary>
    public static void SortDistinct(Span<int> numbers, ulong[] bits)
    {
        if (numbers.Length * 16 < bits.Length)
        {
            numbers.Sort();
            return;
        }

        foreach (var number in numbers)
        {
            bits[number >> 6] |= 1UL << number;
        }

        var count = 0;
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            if (word == 0)
            {
                continue;
            }

            bits[w] = 0;
            while (word != 0)
            {
                numbers[count++] = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}
