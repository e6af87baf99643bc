using System.Numerics;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// The index's vocabulary. A term's id is its position in ordinal order, so every term starting with a prefix has an
/// id in one contiguous range. Typo candidates come from the terms of nearby length, pre-filtered by which letters
/// they contain (one edit changes at most two bits of that set), before the edit distance is computed.
/// </summary>
internal sealed class TermDictionary
{
    private readonly string[] _terms;
    private readonly uint[] _letters;
    private readonly int[] _byLength;
    private readonly int[] _lengthStart;

    /// <param name="sortedTerms">Distinct terms in ordinal order.</param>
    public TermDictionary(string[] sortedTerms)
    {
        _terms = sortedTerms;
        _letters = new uint[sortedTerms.Length];
        var maxLength = 0;
        for (var id = 0; id < sortedTerms.Length; id++)
        {
            _letters[id] = LetterMask(sortedTerms[id]);
            maxLength = Math.Max(maxLength, sortedTerms[id].Length);
        }

        // Counting sort of ids by length: bucket n holds the terms of length n, in id order.
        _lengthStart = new int[maxLength + 2];
        foreach (var term in sortedTerms)
        {
            _lengthStart[term.Length + 1]++;
        }

        for (var n = 1; n < _lengthStart.Length; n++)
        {
            _lengthStart[n] += _lengthStart[n - 1];
        }

        _byLength = new int[sortedTerms.Length];
        var next = _lengthStart[..^1];
        for (var id = 0; id < sortedTerms.Length; id++)
        {
            _byLength[next[sortedTerms[id].Length]++] = id;
        }
    }

    public int Count => _terms.Length;

    public string this[int id] => _terms[id];

    /// <summary>The id of <paramref name="token"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> token)
    {
        var index = LowerBound(token);
        return index < _terms.Length && token.SequenceEqual(_terms[index]) ? index : -1;
    }

    /// <summary>The ids [start, end) of the terms that start with <paramref name="prefix"/>.</summary>
    public (int Start, int End) PrefixRange(ReadOnlySpan<char> prefix)
    {
        var start = LowerBound(prefix);
        int low = start, high = _terms.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_terms[middle].AsSpan().StartsWith(prefix, StringComparison.Ordinal))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return (start, low);
    }

    /// <summary>Adds the terms 1 to <paramref name="maxDistance"/> edits away from <paramref name="word"/> (not the word itself).</summary>
    public void FindTypos(string word, int maxDistance, List<(int Id, int Distance)> into)
    {
        var mask = LetterMask(word);
        var shortest = Math.Max(1, word.Length - maxDistance);
        var longest = Math.Min(_lengthStart.Length - 2, word.Length + maxDistance);
        for (var length = shortest; length <= longest; length++)
        {
            for (var i = _lengthStart[length]; i < _lengthStart[length + 1]; i++)
            {
                var id = _byLength[i];
                if (BitOperations.PopCount(mask ^ _letters[id]) > 2 * maxDistance)
                {
                    continue;
                }

                var distance = EditDistance.Bounded(word, _terms[id], maxDistance);
                if (distance >= 1 && distance <= maxDistance)
                {
                    into.Add((id, distance));
                }
            }
        }
    }

    private int LowerBound(ReadOnlySpan<char> token)
    {
        int low = 0, high = _terms.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_terms[middle].AsSpan().SequenceCompareTo(token) < 0)
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

    // Any fixed mapping of characters to 32 bits works for the filter; letters get their own bit, the rest share.
    private static uint LetterMask(string term)
    {
        uint mask = 0;
        foreach (var c in term)
        {
            mask |= 1u << (c is >= 'a' and <= 'z' ? c - 'a' : 26 + (c % 6));
        }

        return mask;
    }
}
