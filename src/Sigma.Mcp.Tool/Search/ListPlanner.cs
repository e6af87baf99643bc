namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// Which posting lists a plan's search reads, and in what order: one <see cref="ScoredList"/> per (word, matching
/// term, field) that has postings, highest weight first (see <see cref="ScoredList.Compare"/>).
/// </summary>
internal static class ListPlanner
{
    /// <summary>Document search: every field of the documents.</summary>
    public static List<ScoredList> ForDocuments(QueryPlan plan, PostingLists documents)
    {
        var lists = new List<ScoredList>();
        for (var word = 0; word < plan.Words.Length; word++)
        {
            var queryWord = plan.Words[word];
            foreach (var match in queryWord.Matches)
            {
                var shortPrefix = IsShortPrefix(queryWord, match);
                for (var field = 0; field < SearchWeights.FieldCount; field++)
                {
                    var length = documents.Length(match.TermId, field);
                    if (length > 0 && (!shortPrefix || SearchWeights.CompletesShortPrefix((SearchField)field)))
                    {
                        lists.Add(ScoredList.Create(word, field, match, SearchWeights.Field[field], field == (int)SearchField.Name, length));
                    }
                }
            }
        }

        lists.Sort(ScoredList.Compare);
        return lists;
    }

    /// <summary>
    /// Element search: the elements' names and columns, and (as <paramref name="context"/>) the documents' names,
    /// which count for their elements.
    /// </summary>
    public static List<ScoredList> ForElements(QueryPlan plan, PostingLists elements, PostingLists documents, out List<ScoredList> context)
    {
        context = [];
        var lists = new List<ScoredList>();
        for (var word = 0; word < plan.Words.Length; word++)
        {
            var queryWord = plan.Words[word];
            foreach (var match in queryWord.Matches)
            {
                var length = elements.Length(match.TermId, 0);
                if (length > 0)
                {
                    lists.Add(ScoredList.Create(word, 0, match, SearchWeights.ElementName, isName: true, length));
                }

                length = elements.Length(match.TermId, 1);
                if (length > 0 && !IsShortPrefix(queryWord, match))
                {
                    lists.Add(ScoredList.Create(word, 1, match, SearchWeights.ElementColumn, isName: false, length));
                }

                length = documents.Length(match.TermId, (int)SearchField.Name);
                if (length > 0)
                {
                    context.Add(ScoredList.Create(word, (int)SearchField.Name, match, SearchWeights.ElementDocumentName, isName: false, length));
                }
            }
        }

        context.Sort(ScoredList.Compare);
        lists.Sort(ScoredList.Compare);
        return lists;
    }

    // Two or three letters complete to many terms: those completions count in names, not in long texts or columns.
    private static bool IsShortPrefix(QueryWord word, TermMatch match) =>
        word.Text.Length < 4 && match.Quality < SearchWeights.Exact;
}
