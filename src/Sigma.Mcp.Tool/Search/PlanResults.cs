namespace Sigma.Mcp.Tool.Search;

/// <summary>Combines the hits of a query's plans (the literal one and its lexicon rewrites) into one answer.</summary>
internal static class PlanResults
{
    /// <summary>The k-th best score over distinct numbers; negative infinity when fewer than k.</summary>
    public static float KthBest(List<RankedHit> ranked, int limit)
    {
        var best = new Dictionary<int, double>();
        foreach (var hit in ranked)
        {
            best[hit.Number] = best.TryGetValue(hit.Number, out var seen) ? Math.Max(seen, hit.Hit.Score) : hit.Hit.Score;
        }

        return best.Count < limit ? float.NegativeInfinity : (float)best.Values.OrderDescending().ElementAt(limit - 1);
    }

    /// <summary>The best of each number over all plans (stable: the literal plan's hit wins a tie), with the words any of them matched.</summary>
    public static List<RankedHit> Merge(List<RankedHit> ranked, int limit)
    {
        var byNumber = new Dictionary<int, RankedHit>();
        foreach (var hit in ranked)
        {
            if (!byNumber.TryGetValue(hit.Number, out var seen))
            {
                byNumber[hit.Number] = hit;
            }
            else
            {
                var words = (byte)(seen.Words | hit.Words);
                byNumber[hit.Number] = (hit.Hit.Score > seen.Hit.Score ? hit : seen) with { Words = words };
            }
        }

        return [.. byNumber.Values.OrderByDescending(h => h.Hit.Score).ThenBy(h => h.Number).Take(limit)];
    }

    /// <summary>The literal plan's words that none of the hits matched, in query order.</summary>
    public static List<string> Unmatched(QueryPlan literal, List<RankedHit> hits)
    {
        byte matched = 0;
        foreach (var hit in hits)
        {
            matched |= hit.Words;
        }

        return [.. literal.Words.Where((_, i) => (matched & (1 << i)) == 0).Select(w => w.Text)];
    }
}
