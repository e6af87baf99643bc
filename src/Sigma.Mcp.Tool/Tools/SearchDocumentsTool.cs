using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary><c>search_documents</c>: ranked search over the cached workbooks, data models, datasets, reports and their elements.</summary>
[McpServerToolType]
internal sealed class SearchDocumentsTool(SearchIndexProvider index, ResultBudget budget)
{
    public const int MaxLimit = 50;

    /// <summary>How far <c>offset</c> may page: the index returns at most its own limit of hits.</summary>
    public const int MaxOffset = SearchIndex.MaxLimit - MaxLimit;
    private static readonly string[] s_types = ["all", "workbook", "data-model", "dataset", "report", "element"];

    [McpServerTool(Name = ToolNames.SearchDocuments, Title = "Search Sigma documents",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(SearchResults))]
    [Description("""
        Finds Sigma workbooks, data models, datasets, reports, and the charts and tables (elements) inside workbooks, from a vague description.
        Matches names, descriptions, folder paths, tags, owner names, element names and column names; word order, prefixes and small typos are fine.
        Best matches first; next_offset is set when more follow. A hit found through an element or column names it (element_id): pass its workbook_id and element_id
        to export_data to read the data, or its id to describe_workbook (data models: describe_data_model) to see the structure.
        """)]
    public async Task<CallToolResult> SearchDocuments(
        [Description("What to look for, e.g. 'revenue by region', 'churn', 'Ada's sales dashboards'.")] string query,
        [Description("Only this kind: workbook, data-model, dataset, report, element (a chart or table inside a workbook), or all.")] string document_type = "all",
        [Description("Most results to return, 1 to 50.")] int limit = 10,
        [Description("Results to skip: next_offset from the previous call.")] int offset = 0,
        [Description("Only documents whose owner's name (or member id) contains this.")] string owner = "",
        [Description("Only documents whose workspace/folder path contains this, e.g. 'Finance'.")] string path = "",
        [Description("Only documents with this badge: Endorsed, Warning or Deprecated.")] string badge = "",
        [Description("Only documents updated on or after this date (ISO 8601, e.g. 2026-01-31).")] string updated_since = "",
        [Description("Include archived documents (left out by default).")] bool include_archived = false,
        CancellationToken cancellationToken = default)
    {
        const string Tool = ToolNames.SearchDocuments;
        ToolArguments.Require(query, "query", "what to look for, e.g. a workbook name, a chart title or a column name", Tool);
        var type = (document_type ?? "all").Trim().ToLowerInvariant();
        if (!s_types.Contains(type))
        {
            throw ToolArguments.Invalid(Tool, "document_type", $"'document_type' must be one of {string.Join(", ", s_types)}, not '{document_type}'.");
        }

        ToolArguments.InRange(Tool, "limit", limit, 1, MaxLimit);
        ToolArguments.InRange(Tool, "offset", offset, 0, MaxOffset);

        DateTimeOffset? since = null;
        if (!string.IsNullOrWhiteSpace(updated_since))
        {
            since = DateTimeOffset.TryParse(updated_since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw ToolArguments.Invalid(Tool, "updated_since", $"'updated_since' must be a date in ISO 8601 (e.g. 2026-01-31), not '{updated_since}'.");
        }

        var snapshot = await index.GetAsync(cancellationToken);
        return Respond(snapshot, query, type, limit, offset, Blank(owner), Blank(path), Blank(badge), since, include_archived);
    }

    /// <summary>
    /// The answer from one snapshot of the index, for arguments already checked (<paramref name="type"/> lower-case,
    /// blank filters null). The server's first-call warm-up runs it on a sample document while the real index loads.
    /// </summary>
    internal CallToolResult Respond(
        SearchSnapshot snapshot, string query, string type, int limit, int offset, string? owner, string? path, string? badge, DateTimeOffset? since,
        bool includeArchived)
    {
        var cache = new CacheState(snapshot.State, snapshot.Metadata?.Generation, snapshot.Metadata?.RefreshCompletedAt, snapshot.Index?.DocumentCount ?? 0);
        if (snapshot.Index is null || snapshot.Index.DocumentCount == 0)
        {
            var message = snapshot.State == CacheStates.Unavailable
                ? $"The document cache could not be read: {snapshot.Problem}. Call heartbeat for details."
                : "The document cache is empty, so there is nothing to search yet. Call refresh_cache (or run 'sigma-mcp cache refresh'), then search again.";
            return ToolResult.Create(new SearchResults(query, 0, offset, null, [], cache, message), ToolJsonContext.Default.SearchResults, message);
        }

        // 'element' means a chart or table inside a workbook (what export_data reads): the index leaves data-model
        // elements out itself, so no over-fetching or filtering here.
        var wanted = offset + limit + 1; // one more than shown says whether another page follows
        var hits = snapshot.Index.Search(new SearchQuery(query, type, Math.Min(SearchIndex.MaxLimit, wanted))
        {
            Owner = owner,
            Path = path,
            Badge = badge,
            UpdatedSince = since,
            IncludeArchived = includeArchived,
            Visible = DocumentAccess.Current?.MaskFor(snapshot.Index),
        }, out var unmatched);
        var matching = hits.Skip(offset).ToList();
        var items = matching.Take(limit).Select(ToItem).ToList();
        var stale = snapshot.Metadata is { } m && DateTimeOffset.UtcNow - m.RefreshCompletedAt > TimeSpan.FromDays(1)
            ? $"The cache was last refreshed {m.RefreshCompletedAt:u}; call refresh_cache if something recent is missing."
            : null;
        // No quotes: JSON escapes them, which the response budget does not count.
        var partial = items.Count > 0 && unmatched.Count > 0 ? $"Partial matches: no result has the word(s) {string.Join(", ", unmatched)}." : null;
        var (result, _) = budget.Fit(items.Count, n =>
        {
            var more = n < items.Count || matching.Count > items.Count;
            var note = items.Count == 0
                ? offset > 0 ? "No more matches." : "No matches. Try fewer or different words, another document_type, or fewer filters."
                : more ? $"More matches follow: call again with offset={offset + n}{(n < items.Count ? " (this page was cut to fit the response budget)" : "")}." : stale;
            note = partial is null ? note : $"{partial} {note}".TrimEnd();
            var page = new SearchResults(query, n, offset, more ? offset + n : null, items[..n], cache, note, unmatched.Count > 0 ? unmatched : null);
            return ToolResult.Create(page, ToolJsonContext.Default.SearchResults, Render(page), ResourceLinks.For(items.Take(n).Select(i => (i.Id, i.Type, i.Name))));
        });
        return result;
    }

    private static SearchResultItem ToItem(SearchHit hit)
    {
        var d = hit.Document;
        var page = hit.Element?.PageId is { } pageId ? d.Pages.FirstOrDefault(p => p.PageId == pageId) : null;
        return new SearchResultItem(
            d.Id, d.UrlId, d.Type, d.Name, d.Path, d.Url, d.Badge, d.OwnerName, d.UpdatedAt, Math.Round(hit.Score, 3), hit.MatchedField, hit.MatchedText,
            d.Type == DocumentTypes.Workbook ? d.Id : null, hit.Element?.ElementId, hit.Element?.Name, hit.Element?.Type, hit.Element?.PageId, page?.Name);
    }

    private static string Render(SearchResults result)
    {
        var text = new StringBuilder($"{result.Count} result(s) for '{result.Query}'{(result.Offset > 0 ? $" from offset {result.Offset}" : "")}:");
        var rank = result.Offset;
        foreach (var r in result.Results)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{++rank}. {r.Name} ({r.Type}{(r.Badge is null ? "" : ", " + r.Badge)}) id={r.Id}");
            if (r.ElementId is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n   element '{r.ElementName}' ({r.ElementType}) element_id={r.ElementId}{(r.PageName is null ? "" : $" on page '{r.PageName}'")}");
            }

            text.Append(CultureInfo.InvariantCulture, $"\n   {r.Path} · owner {r.OwnerName ?? "?"} · updated {r.UpdatedAt:yyyy-MM-dd} · matched {r.MatchedField}{(r.MatchedText is null ? "" : $" '{r.MatchedText}'")}");
        }

        if (result.Message is not null)
        {
            text.Append('\n').Append(result.Message);
        }

        return text.ToString();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
