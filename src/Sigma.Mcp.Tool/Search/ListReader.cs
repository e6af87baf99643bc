namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Reads a pass's posting lists into its accumulators, with max-score pruning. Lists are read by weight, highest
/// first. Before a long list, a checkpoint scores a few leading candidates completely (see <see cref="Leaders"/>),
/// which gives a threshold no final top-k can fall below; when no number not yet seen could reach it, the reader
/// stops adding numbers and only completes the survivors (those that still can), by probing; before each long list
/// the survivors are culled again, since what a number can still gain shrinks as lists are read. So the long lists
/// of common words ("date", "name") cost a few probes once names have decided the top.
/// </summary>
internal sealed class ListReader(SearchPass pass)
{
    // A list this long (or longer than half the numbers seen so far) is worth a checkpoint before it.
    private const int LongList = 2048;

    // A list this short is read for its numbers at a checkpoint rather than allowed for in the bound of numbers not
    // seen yet. Kept small: those numbers have matched nothing yet, so few of them are culled.
    private const int ShortList = 64;

    // A filter that lets through at most this fraction of the documents makes them the candidates from the start.
    private const int FewDocuments = 32;

    // Continue mode's threshold: no number below it can be a hit.
    private float _threshold;

    /// <summary>
    /// Reads the lists; returns the numbers (documents or elements) that can be hits. <paramref name="newcomerContext"/>
    /// is the most a number's context (element search: its document's name) can add; <paramref name="floor"/> is a
    /// score no hit that counts can be below (the k-th best of an earlier plan), which allows pruning from the first list.
    /// </summary>
    public ReadOnlySpan<int> Read(in Accumulator newcomerContext, float floor)
    {
        var lists = pass.Lists;
        var touched = pass.Touched;
        var count = 0;
        if (!pass.Elements && pass.Filter.Narrows && FewAllowed(ref count))
        {
            pass.SetTouchedCount(count);
            _threshold = floor;
            return Matched(Continue(touched.AsSpan(0, count), 0));
        }

        var threshold = floor;
        var checkedCount = 0;
        Leaders? leaders = null;
        var leadersCount = 0;
        for (var i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            if ((count >= pass.Limit || threshold > float.NegativeInfinity) && count >= 2 * checkedCount && list.Length >= Math.Min(LongList, count / 2))
            {
                checkedCount = Math.Max(count, 1);

                // A short list ("customers" in one element name) would keep the newcomer bound up to the end: the
                // bound leaves the short lists out, and their numbers not seen yet become candidates instead.
                var shortList = ShortList;
                var newcomer = pass.Scorer.NewcomerBound(new RemainingBounds(lists, i, pass.FieldCount, shortList), newcomerContext);

                // For several words, leaders from an earlier checkpoint are refreshed before continue mode too: the
                // lists read since tell the best apart better ("legacy sales report": the first lists give thousands
                // of equal scores), and the threshold is what culls the candidates. One word's first list, the name,
                // has already told them apart, and the pass would cost more than it saves.
                if (newcomer >= threshold || (leaders is not null && leadersCount < count && pass.Plan.Words.Length > 1))
                {
                    leaders ??= new Leaders(pass);
                    threshold = Math.Max(threshold, leaders.Threshold(touched.AsSpan(0, count), i, newcomer));
                    leadersCount = count;
                }

                if (newcomer < threshold)
                {
                    AddShortListNumbers(i, shortList, ref count);
                    pass.SetTouchedCount(count);
                    _threshold = threshold;
                    return Continue(touched.AsSpan(0, count), i);
                }
            }

            Accumulation.AddAll(pass.Postings.Get(list.TermId, list.Field), pass.Accumulators, touched, ref count, list);
        }

        pass.SetTouchedCount(count);
        return touched.AsSpan(0, count);
    }

    // A filter that lets few documents through (a type, a badge, "updated since"): those documents are the
    // candidates from the start, so the lists are probed for them rather than read. True when there are few
    // enough; they are then touched (and marked) with nothing accumulated.
    private bool FewAllowed(ref int count)
    {
        var documents = pass.Index.Documents.Length;
        var end = Math.Min(documents, pass.Filter.Before);
        var most = documents / FewDocuments;
        var accumulators = pass.Accumulators;
        for (var document = 0; document < end; document++)
        {
            // Give up as soon as there are too many, or early when the first eighth has more than its share.
            var tooMany = count == most || (document == end / 8 && end >= 64 && count * 8 > most);
            if (!tooMany && !pass.Allows(document))
            {
                continue;
            }

            if (tooMany)
            {
                foreach (var touched in pass.Touched.AsSpan(0, count))
                {
                    accumulators[touched] = default;
                }

                count = 0;
                return false;
            }

            accumulators[document].Seen = Accumulator.Candidate;
            pass.Touched[count++] = document;
        }

        return true;
    }

    // The candidates that some list matched (a candidate from the start may have none).
    private ReadOnlySpan<int> Matched(ReadOnlySpan<int> candidates)
    {
        var matched = pass.Candidates;
        var count = 0;
        foreach (var number in candidates)
        {
            if (pass.Accumulators[number].Words != 0)
            {
                matched[count++] = number;
            }
        }

        return matched.AsSpan(0, count);
    }

    // The numbers of the lists from `from` on no longer than `shortList` that no list read so far has: touched (and
    // marked as such) with nothing accumulated, so that continue mode bounds and completes them like the others.
    private void AddShortListNumbers(int from, int shortList, ref int count)
    {
        var lists = pass.Lists;
        var accumulators = pass.Accumulators;
        for (var j = from; j < lists.Count; j++)
        {
            var list = lists[j];
            if (list.Length > shortList)
            {
                continue;
            }

            foreach (var number in pass.Postings.Get(list.TermId, list.Field))
            {
                ref var a = ref accumulators[number];
                if (a.Seen == 0)
                {
                    a.Seen = Accumulator.Candidate;
                    pass.Touched[count++] = number;
                }
            }
        }
    }

    // Continue mode from list `from` on: only the survivors read the remaining lists. Before a long list they are
    // culled again, unless what the lists read since the last cull can take from a bound cannot bring the lowest
    // survivor's below the threshold.
    private ReadOnlySpan<int> Continue(ReadOnlySpan<int> touched, int from)
    {
        var lists = pass.Lists;
        var survivors = pass.Candidates;
        var remaining = new RemainingBounds(lists, from, pass.FieldCount);
        var kept = Keep(touched, survivors, remaining, filtered: true);
        SortedInts.SortDistinct(survivors.AsSpan(0, kept.Count), pass.Bits);
        for (var j = from; j < lists.Count; j++)
        {
            var list = lists[j];
            if (j > from && list.Length > kept.Count)
            {
                var next = new RemainingBounds(lists, j, pass.FieldCount);
                if (kept.LowestBound - remaining.MaxDrop(next) < _threshold)
                {
                    kept = Keep(survivors.AsSpan(0, kept.Count), survivors, next, filtered: false);
                    remaining = next;
                }
            }

            // A list of a word every survivor has matched can add only extras; without extras, skip it (but not a
            // document's element names, which the element bonus looks at).
            var bonusField = !pass.Elements && pass.Plan.Words.Length > 1 && list.Field == (int)SearchField.Element;
            if (list.Extra > 0 || (kept.MatchedByAll & (1 << list.Word)) == 0 || bonusField)
            {
                Accumulation.AddToCandidates(pass.Postings.Get(list.TermId, list.Field), survivors.AsSpan(0, kept.Count), pass.Accumulators, list);
            }
        }

        return survivors.AsSpan(0, kept.Count);
    }

    // Copies to `into` (in order; may be the same memory) the numbers that pass the filter (when `filtered`) and can
    // still reach the threshold with the `remaining` lists.
    private Survivors Keep(ReadOnlySpan<int> numbers, int[] into, RemainingBounds remaining, bool filtered)
    {
        var accumulators = pass.Accumulators;
        var count = 0;
        var matchedByAll = pass.Plan.EveryWord;
        var lowest = float.PositiveInfinity;
        foreach (var number in numbers)
        {
            var bound = pass.Scorer.UpperBound(number, remaining);
            if (bound >= _threshold && (!filtered || pass.Allows(number)))
            {
                into[count++] = number;
                matchedByAll &= accumulators[number].Words;
                lowest = Math.Min(lowest, bound);
            }
        }

        return new Survivors(count, matchedByAll, lowest);
    }

    /// <summary>How many numbers a cull kept, the words all of them have matched, and the lowest of their bounds.</summary>
    private readonly record struct Survivors(int Count, byte MatchedByAll, float LowestBound);
}
