namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Thresholds for max-score pruning: the complete scores of a few leading numbers, whose k-th best no final top-k
/// can fall below. Leaders are the best so far and, for several words, the first numbers with every word exactly
/// in one field (the name; for documents also their elements' names), which are usually the top and are found
/// before their lists are all read.
/// </summary>
internal sealed class Leaders(SearchPass pass)
{
    // Leaders taken from one field's intersection.
    private const int LeaderCount = 30;

    // How far an intersection's walk goes looking for names as long as the query, and at most.
    private const int SameLengthWalk = 4096;
    private const int MaxWalk = 16384;

    private List<(float Score, int Number)>? _fieldLeaders;

    /// <summary>
    /// The k-th best complete score among the leaders, when lists <paramref name="from"/> on are not read yet;
    /// negative infinity when fewer than k pass the filter. When the field leaders alone keep out any number not yet
    /// touched (a threshold above <paramref name="newcomer"/>), the numbers touched are not looked at.
    /// </summary>
    public float Threshold(ReadOnlySpan<int> touched, int from, float newcomer)
    {
        _fieldLeaders ??= FieldLeaders();
        var final = new TopHits(pass.Limit);
        var offered = new HashSet<int>();
        foreach (var (score, number) in _fieldLeaders)
        {
            offered.Add(number);
            final.Offer(score, number);
        }

        if (final.Threshold > newcomer)
        {
            return final.Threshold;
        }

        var best = new TopHits((2 * pass.Limit) + 10);
        foreach (var number in touched)
        {
            var score = pass.Scorer.Evaluate(number, out var document);
            if (best.CouldAccept(score) && pass.Index.Allows(pass.Filter, document))
            {
                best.Offer(score, number);
            }
        }

        foreach (var (_, number) in best.ToSortedList())
        {
            if (offered.Add(number))
            {
                final.Offer(Complete(number, from), number);
            }
        }

        return final.Threshold;
    }

    // For several words, the final scores of the first numbers (that pass the filter) with every word in the name,
    // or (documents) in their elements' names with the element bonus they will get: usually the top, and found
    // before their lists are all read. Not necessarily touched yet, so completed from the first list (lists already
    // read find their bits set).
    private List<(float Score, int Number)> FieldLeaders()
    {
        var leaders = new List<(float Score, int Number)>();
        if (pass.Plan.Words.Length < 2)
        {
            return leaders;
        }

        var offered = new HashSet<int>();
        foreach (var number in FieldLeaders(0))
        {
            if (pass.Allows(number) && offered.Add(number))
            {
                leaders.Add((Complete(number, 0), number));
            }
        }

        var elementLeaders = pass.Elements ? [] : FieldLeaders((int)SearchField.Element);
        var names = elementLeaders.Count > 0 ? new ElementNameLists(pass.Plan, pass.Index.ElementPostings) : null;
        foreach (var number in elementLeaders)
        {
            if (pass.Allows(number) && offered.Add(number))
            {
                leaders.Add((Complete(number, 0) + HitCollector.ElementBonus(pass, number, names!), number));
            }
        }

        return leaders;
    }

    // The final score of a number, probing lists `from` on for what its accumulator does not have yet.
    private float Complete(int number, int from)
    {
        var lists = pass.Lists;
        var accumulator = pass.Accumulators[number];
        for (var j = from; j < lists.Count; j++)
        {
            var list = lists[j];
            var seenBit = Accumulation.SeenBit(list);
            if ((accumulator.Seen & seenBit) == 0 && pass.Postings.Contains(list.TermId, list.Field, number))
            {
                Accumulation.Add(ref accumulator, seenBit, list);
            }
        }

        return pass.Scorer.Evaluate(number, accumulator, out _);
    }

    // Numbers with every query word exactly in one field: an intersection of that field's exact lists, walking the
    // shortest and galloping through the others. In the name, names as long as the query come first: they may be the
    // query exactly (the exact-name bonus), which makes for a high threshold; so the walk goes on a while to find them.
    private List<int> FieldLeaders(int field)
    {
        var plan = pass.Plan;
        var exactLists = new List<ScoredList>();
        for (var word = 0; word < plan.Words.Length; word++)
        {
            var index = pass.Lists.FindIndex(l => l.Word == word && l.Field == field && l.Extra > 0);
            if (index < 0)
            {
                return [];
            }

            exactLists.Add(pass.Lists[index]);
        }

        exactLists.Sort((a, b) => a.Length.CompareTo(b.Length));
        var positions = new int[exactLists.Count];
        var sameLength = new List<int>(LeaderCount);
        var others = new List<int>(LeaderCount);
        var walked = 0;
        foreach (var number in pass.Postings.Get(exactLists[0].TermId, field))
        {
            if (sameLength.Count == LeaderCount || ++walked > MaxWalk || (walked > SameLengthWalk && sameLength.Count + others.Count >= LeaderCount))
            {
                break;
            }

            var inAll = true;
            for (var k = 1; k < exactLists.Count && inAll; k++)
            {
                var other = pass.Postings.Get(exactLists[k].TermId, field);
                positions[k] = SortedInts.Gallop(other, positions[k], number);
                inAll = positions[k] < other.Length && other[positions[k]] == number;
            }

            if (inAll && field == 0 && NameTokens(number) == plan.TokenCount)
            {
                sameLength.Add(number);
            }
            else if (inAll && others.Count < LeaderCount)
            {
                others.Add(number);
            }
        }

        return [.. sameLength, .. others.Take(LeaderCount - sameLength.Count)];
    }

    private int NameTokens(int number) => pass.Elements ? pass.Index.ElementNameTokens[number] : pass.Index.NameTokens[number];
}
