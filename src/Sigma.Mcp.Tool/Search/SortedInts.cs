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
}
