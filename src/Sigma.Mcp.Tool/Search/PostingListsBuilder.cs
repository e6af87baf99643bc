namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Collects (term, field, number) postings while documents are read in order, then lays them out per term and
/// field once the final term ids (ordinal order) are known. Numbers must be added in ascending order.
/// </summary>
internal sealed class PostingListsBuilder(int fieldCount)
{
    private int[] _keys = new int[1024];
    private int[] _values = new int[1024];
    private int _count;

    public void Add(int provisionalTermId, int field, int value)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }

        _keys[_count] = (provisionalTermId * fieldCount) + field;
        _values[_count++] = value;
    }

    /// <summary>Builds the lists; <paramref name="finalIds"/> maps provisional term ids to final ones.</summary>
    public PostingLists Build(int[] finalIds)
    {
        var offsets = new int[(finalIds.Length * fieldCount) + 1];
        for (var i = 0; i < _count; i++)
        {
            _keys[i] = Remap(_keys[i], finalIds);
            offsets[_keys[i] + 1]++;
        }

        for (var k = 1; k < offsets.Length; k++)
        {
            offsets[k] += offsets[k - 1];
        }

        // A stable counting sort keeps each list in the (ascending) order the numbers were added.
        var values = new int[_count];
        var next = offsets[..^1];
        for (var i = 0; i < _count; i++)
        {
            values[next[_keys[i]]++] = _values[i];
        }

        _keys = [];
        _values = [];
        return new PostingLists(offsets, values, fieldCount);
    }

    private int Remap(int key, int[] finalIds) => (finalIds[key / fieldCount] * fieldCount) + (key % fieldCount);
}
