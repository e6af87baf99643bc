namespace Sigma.Sandbox.Paging;

/// <summary>
/// Keyset paging over a list sorted by a growing key. Documents use their insertion sequence as the key, so adding or
/// deleting a workbook while a client pages neither repeats nor skips the others; fixed lists use the position.
/// </summary>
internal static class Pager
{
    public static Page<T> ByKey<T>(IReadOnlyList<T> items, PageRequest request, Func<T, long> keyOf, Func<T, bool>? filter = null) =>
        Read(items, request, i => keyOf(items[i]), filter);

    public static Page<T> ByPosition<T>(IReadOnlyList<T> items, PageRequest request, Func<T, bool>? filter = null) =>
        Read(items, request, i => i, filter);

    private static Page<T> Read<T>(IReadOnlyList<T> items, PageRequest request, Func<int, long> keyAt, Func<T, bool>? filter)
    {
        int index = request.After is { } after ? FirstAfter(items.Count, keyAt, after) : 0;
        var entries = new List<T>(Math.Min(request.Limit, items.Count));
        long lastKey = -1;
        for (; index < items.Count && entries.Count < request.Limit; index++)
        {
            if (filter is null || filter(items[index]))
            {
                entries.Add(items[index]);
                lastKey = keyAt(index);
            }
        }

        bool more = false;
        for (; index < items.Count && !more; index++)
        {
            more = filter is null || filter(items[index]);
        }

        int total = filter is null ? items.Count : items.Count(filter);
        return new Page<T>(entries, more ? PageToken.Encode(lastKey) : null, total);
    }

    /// <summary>Binary search for the first index whose key is greater than <paramref name="after"/>.</summary>
    private static int FirstAfter(int count, Func<int, long> keyAt, long after)
    {
        int low = 0;
        int high = count;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (keyAt(middle) <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
