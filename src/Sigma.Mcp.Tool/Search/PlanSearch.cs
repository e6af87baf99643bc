namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// One plan's search, from lists to hits: plans the lists, reads them (pruned), collects the best and explains
/// them. Element search ranks elements on their name and columns, with their document's name as context ("order
/// lines revenue dashboard"), which is accumulated per document (first) rather than copied to every element.
/// </summary>
internal static class PlanSearch
{
    /// <param name="context">The search call.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="floor">Hits below this score cannot enter the answer (see <see cref="ListReader.Read"/>).</param>
    public static List<RankedHit> Documents(SearchContext context, QueryPlan plan, float floor)
    {
        var pass = new SearchPass(context, plan, elements: false, ListPlanner.ForDocuments(plan, context.Index.DocumentPostings));
        var numbers = new ListReader(pass).Read(default, floor);
        var top = plan.Words.Length > 1 ? HitCollector.BestWithElementBonus(pass, numbers) : HitCollector.Best(pass, numbers);
        var explainer = new HitExplainer(context.Index, plan);
        var accumulators = context.Scratch.Documents;
        return [.. top.ToSortedList().Select(hit => new RankedHit(
            explainer.Document(hit.Id, hit.Score, accumulators[hit.Id]), hit.Id, plan.OriginalWords(accumulators[hit.Id].Words)))];
    }

    /// <inheritdoc cref="Documents"/>
    public static List<RankedHit> Elements(SearchContext context, QueryPlan plan, float floor)
    {
        var index = context.Index;
        var lists = ListPlanner.ForElements(plan, index.ElementPostings, index.DocumentPostings, out var documentNames);
        var contextBound = ReadDocumentNames(documentNames, context);
        var pass = new SearchPass(context, plan, elements: true, lists);
        var numbers = new ListReader(pass).Read(contextBound, floor);
        var top = HitCollector.Best(pass, numbers);
        var explainer = new HitExplainer(index, plan);
        var elements = context.Scratch.Elements;
        var documents = context.Scratch.Documents;
        return [.. top.ToSortedList().Select(hit => new RankedHit(
            explainer.Element(hit.Id, hit.Score, elements[hit.Id]),
            hit.Id,
            plan.OriginalWords((byte)(elements[hit.Id].Words | documents[index.ElementDocument[hit.Id]].Words))))];
    }

    // Documents' names into the document accumulators; returns the most any one document's context can add to an element.
    private static Accumulator ReadDocumentNames(List<ScoredList> lists, SearchContext context)
    {
        var scratch = context.Scratch;
        var count = 0;
        foreach (var list in lists)
        {
            Accumulation.AddAll(context.Index.DocumentPostings.Get(list.TermId, list.Field), scratch.Documents, scratch.TouchedDocuments, ref count, list);
        }

        scratch.TouchedDocumentCount = count;
        var bound = default(Accumulator);
        for (var i = 0; i < count; i++)
        {
            ref readonly var document = ref scratch.Documents[scratch.TouchedDocuments[i]];
            bound.Score = Math.Max(bound.Score, document.Score);
            bound.Words |= document.Words;
        }

        return bound;
    }
}
