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
        var threshold = floor;
        var checkedCount = 0;
        Leaders? leaders = null;
        for (var i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            if ((count >= pass.Limit || threshold > float.NegativeInfinity) && count >= 2 * checkedCount && list.Length >= Math.Min(LongList, count / 2))
            {
                checkedCount = Math.Max(count, 1);
                var newcomer = pass.Scorer.NewcomerBound(new RemainingBounds(lists, i, pass.FieldCount), newcomerContext);
                if (newcomer >= threshold)
                {
                    leaders ??= new Leaders(pass);
                    threshold = Math.Max(threshold, leaders.Threshold(touched.AsSpan(0, count), i, newcomer));
                }

                if (newcomer < threshold)
                {
                    pass.SetTouchedCount(count);
                    return Continue(touched.AsSpan(0, count), i, threshold);
                }
            }

            Accumulation.AddAll(pass.Postings.Get(list.TermId, list.Field), pass.Accumulators, touched, ref count, list);
        }

        pass.SetTouchedCount(count);
        return touched.AsSpan(0, count);
    }

    // Continue mode from list `from` on: only the survivors read the remaining lists.
    private ReadOnlySpan<int> Continue(ReadOnlySpan<int> touched, int from, float threshold)
    {
        var lists = pass.Lists;
        var survivors = pass.Candidates;
        var count = Keep(touched, survivors, from, threshold, filtered: true, out var matchedByAll);
        survivors.AsSpan(0, count).Sort();
        for (var j = from; j < lists.Count; j++)
        {
            var list = lists[j];
            if (j > from && list.Length > count)
            {
                count = Keep(survivors.AsSpan(0, count), survivors, j, threshold, filtered: false, out matchedByAll);
            }

            // A list of a word every survivor has matched can add only extras; without extras, skip it (but not a
            // document's element names, which the element bonus looks at).
            var bonusField = !pass.Elements && pass.Plan.Words.Length > 1 && list.Field == (int)SearchField.Element;
            if (list.Extra > 0 || (matchedByAll & (1 << list.Word)) == 0 || bonusField)
            {
                Accumulation.AddToCandidates(pass.Postings.Get(list.TermId, list.Field), survivors.AsSpan(0, count), pass.Accumulators, list);
            }
        }

        return survivors.AsSpan(0, count);
    }

    // Copies to `into` (in order; may be the same memory) the numbers that pass the filter (when `filtered`) and can
    // still reach the threshold with lists `from` on, and returns how many; `matchedByAll` gets the words all of them
    // have matched.
    private int Keep(ReadOnlySpan<int> numbers, int[] into, int from, float threshold, bool filtered, out byte matchedByAll)
    {
        var remaining = new RemainingBounds(pass.Lists, from, pass.FieldCount);
        var accumulators = pass.Accumulators;
        var count = 0;
        matchedByAll = pass.Plan.EveryWord;
        foreach (var number in numbers)
        {
            if (pass.Scorer.UpperBound(number, remaining) >= threshold && (!filtered || pass.Allows(number)))
            {
                into[count++] = number;
                matchedByAll &= accumulators[number].Words;
            }
        }

        return count;
    }
}
