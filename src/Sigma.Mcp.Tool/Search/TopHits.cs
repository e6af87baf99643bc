namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// The best <c>k</c> (score, number) pairs seen, in a binary min-heap of the k best: O(n log k) over n candidates.
/// Equal scores rank the lower number first; numbers are in (updated time desc, id) order, so ties are deterministic.
/// </summary>
internal sealed class TopHits(int capacity)
{
    private readonly float[] _scores = new float[capacity];
    private readonly int[] _ids = new int[capacity];
    private int _count;

    /// <summary>The k-th best score once k were offered; negative infinity before.</summary>
    public float Threshold => _count < capacity ? float.NegativeInfinity : _scores[0];

    /// <summary>True when a candidate with this score could still enter (a cheap pre-check).</summary>
    public bool CouldAccept(float score) => _count < capacity || score >= _scores[0];

    public void Offer(float score, int id)
    {
        if (_count < capacity)
        {
            _scores[_count] = score;
            _ids[_count] = id;
            SiftUp(_count++);
        }
        else if (Better(score, id, _scores[0], _ids[0]))
        {
            _scores[0] = score;
            _ids[0] = id;
            SiftDown(0);
        }
    }

    /// <summary>The pairs, best first.</summary>
    public List<(float Score, int Id)> ToSortedList()
    {
        var list = new List<(float Score, int Id)>(_count);
        for (var i = 0; i < _count; i++)
        {
            list.Add((_scores[i], _ids[i]));
        }

        list.Sort((a, b) => Better(a.Score, a.Id, b.Score, b.Id) ? -1 : Better(b.Score, b.Id, a.Score, a.Id) ? 1 : 0);
        return list;
    }

    private static bool Better(float score, int id, float otherScore, int otherId) =>
        score > otherScore || (score == otherScore && id < otherId);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Better(_scores[parent], _ids[parent], _scores[i], _ids[i]))
            {
                break;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int left = (2 * i) + 1, right = left + 1, worst = i;
            if (left < _count && Better(_scores[worst], _ids[worst], _scores[left], _ids[left]))
            {
                worst = left;
            }

            if (right < _count && Better(_scores[worst], _ids[worst], _scores[right], _ids[right]))
            {
                worst = right;
            }

            if (worst == i)
            {
                return;
            }

            Swap(i, worst);
            i = worst;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_ids[a], _ids[b]) = (_ids[b], _ids[a]);
    }
}
