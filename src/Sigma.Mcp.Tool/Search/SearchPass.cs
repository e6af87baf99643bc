namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// One plan's search over documents or over elements ("numbers" are either): the lists it reads and where it keeps
/// its work, so that the stages (reading, pruning, collecting, explaining) share one object instead of long
/// argument lists.
/// </summary>
internal sealed class SearchPass
{
    public SearchPass(SearchContext context, QueryPlan plan, bool elements, List<ScoredList> lists)
    {
        Index = context.Index;
        Filter = context.Filter;
        Limit = context.Limit;
        Scratch = context.Scratch;
        Plan = plan;
        Elements = elements;
        Lists = lists;
        Postings = elements ? Index.ElementPostings : Index.DocumentPostings;
        FieldCount = elements ? SearchWeights.ElementFieldCount : SearchWeights.FieldCount;
        Accumulators = elements ? Scratch.Elements : Scratch.Documents;
        Touched = elements ? Scratch.TouchedElements : Scratch.TouchedDocuments;
        Scorer = new Scorer(Index, plan, Scratch, elements);
    }

    public IndexContent Index { get; }

    public QueryPlan Plan { get; }

    public DocumentFilter Filter { get; }

    public int Limit { get; }

    public SearchScratch Scratch { get; }

    /// <summary>True when the numbers are elements, false when documents.</summary>
    public bool Elements { get; }

    /// <summary>The lists to read, in processing order (see <see cref="ListPlanner"/>).</summary>
    public List<ScoredList> Lists { get; }

    public PostingLists Postings { get; }

    /// <summary>Fields of the numbers' postings.</summary>
    public int FieldCount { get; }

    public Accumulator[] Accumulators { get; }

    /// <summary>The numbers touched, in the order first seen.</summary>
    public int[] Touched { get; }

    public Scorer Scorer { get; }

    /// <summary>Room for the numbers left after pruning.</summary>
    public int[] Candidates => Elements ? Scratch.CandidateElements : Scratch.CandidateDocuments;

    /// <summary>One clear bit per number, for sorting (see <see cref="SortedInts.SortDistinct"/>).</summary>
    public ulong[] Bits => Elements ? Scratch.ElementBits : Scratch.DocumentBits;

    public int DocumentOf(int number) => Elements ? Index.ElementDocument[number] : number;

    /// <summary>True when the filters let the number's document through.</summary>
    public bool Allows(int number) => Index.Allows(Filter, DocumentOf(number));

    /// <summary>Records how many numbers were touched, so that the scratch can clear them.</summary>
    public void SetTouchedCount(int count)
    {
        if (Elements)
        {
            Scratch.TouchedElementCount = count;
        }
        else
        {
            Scratch.TouchedDocumentCount = count;
        }
    }
}
