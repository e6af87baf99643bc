namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// A plan's (word, term) pairs that have element-name postings, with a read position in each list, for checking the
/// element bonus of many documents in ascending order without a binary search per list and document.
/// </summary>
internal sealed class ElementNameLists
{
    public ElementNameLists(QueryPlan plan, PostingLists elementPostings)
    {
        var terms = new List<int>();
        var words = new List<int>();
        for (var word = 0; word < plan.Words.Length; word++)
        {
            foreach (var match in plan.Words[word].Matches)
            {
                if (elementPostings.Length(match.TermId, 0) > 0)
                {
                    terms.Add(match.TermId);
                    words.Add(word);
                }
            }
        }

        TermIds = [.. terms];
        Words = [.. words];
        Cursors = new int[TermIds.Length];
    }

    public int Count => TermIds.Length;

    public int[] TermIds { get; }

    public int[] Words { get; }

    public int[] Cursors { get; }
}
