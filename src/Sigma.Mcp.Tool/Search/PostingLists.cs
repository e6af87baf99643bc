namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// For each (term, field), the ascending, distinct numbers (documents or elements) that contain the term in that
/// field: one flat array sliced by offsets, which keeps 10⁷ postings in two allocations.
/// </summary>
internal sealed class PostingLists(int[] offsets, int[] values, int fieldCount)
{
    public long MemoryBytes => (offsets.LongLength + values.LongLength) * sizeof(int);

    public int TotalPostings => values.Length;

    public ReadOnlySpan<int> Get(int termId, int field)
    {
        var key = (termId * fieldCount) + field;
        return values.AsSpan(offsets[key], offsets[key + 1] - offsets[key]);
    }

    public int Length(int termId, int field)
    {
        var key = (termId * fieldCount) + field;
        return offsets[key + 1] - offsets[key];
    }

    /// <summary>The postings of (term, field) within [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public ReadOnlySpan<int> Between(int termId, int field, int from, int to)
    {
        var list = Get(termId, field);
        var start = LowerBound(list, from);
        var end = LowerBound(list, to);
        return list[start..end];
    }

    public bool Contains(int termId, int field, int value)
    {
        var list = Get(termId, field);
        var index = LowerBound(list, value);
        return index < list.Length && list[index] == value;
    }

    private static int LowerBound(ReadOnlySpan<int> list, int value)
    {
        int low = 0, high = list.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (list[middle] < value)
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
