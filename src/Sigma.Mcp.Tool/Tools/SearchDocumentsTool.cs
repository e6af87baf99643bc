using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary><c>search_documents</c>: ranked search over the cached workbooks, data models, datasets, reports and their elements.</summary>
[McpServerToolType]
internal sealed class SearchDocumentsTool(SearchIndexProvider index)
{
    public const int MaxLimit = 50;
    private static readonly string[] s_types = ["all", "workbook", "data-model", "dataset", "report", "element"];

    [McpServerTool(Name = "search_documents", Title = "Search Sigma documents",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false,
        UseStructuredContent = true, OutputSchemaType = typeof(SearchResults))]
    [Description("""
        Finds Sigma workbooks, data models, datasets, reports, and the charts and tables (elements) inside workbooks, from a vague description.
        Matches names, descriptions, folder paths, tags, owner names, element names and column names; word order, prefixes and small typos are fine.
        Best matches first. A hit found through an element or column names it (element_id, page_id): pass workbook_id and element_id to export_data to read its data,
        or the id to describe_workbook to see its structure.
        """)]
    public async Task<CallToolResult> SearchDocuments(
        [Description("What to look for, e.g. 'revenue by region', 'churn', 'Ada's sales dashboards'.")] string query,
        [Description("Only this kind: workbook, data-model, dataset, report, element (a chart or table inside a workbook), or all.")] string document_type = "all",
        [Description("Most results to return, 1 to 50.")] int limit = 10,
        [Description("Only documents whose owner's name (or member id) contains this.")] string owner = "",
        [Description("Only documents whose workspace/folder path contains this, e.g. 'Finance'.")] string path = "",
        [Description("Only documents with this badge: Endorsed, Warning or Deprecated.")] string badge = "",
        [Description("Only documents updated on or after this date (ISO 8601, e.g. 2026-01-31).")] string updated_since = "",
        [Description("Include archived documents (left out by default).")] bool include_archived = false,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new McpException("query is empty: say what to look for, e.g. a workbook name, a chart title or a column name.");
        }

        var type = (document_type ?? "all").Trim().ToLowerInvariant();
        if (!s_types.Contains(type))
        {
            throw new McpException($"document_type '{document_type}' is not one of: {string.Join(", ", s_types)}.");
        }

        if (limit is < 1 or > MaxLimit)
        {
            throw new McpException($"limit must be from 1 to {MaxLimit}; it was {limit}.");
        }

        DateTimeOffset? since = null;
        if (!string.IsNullOrWhiteSpace(updated_since))
        {
            since = DateTimeOffset.TryParse(updated_since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : throw new McpException($"updated_since '{updated_since}' is not a date; use ISO 8601, e.g. 2026-01-31.");
        }

        var snapshot = await index.GetAsync(cancellationToken);
        var cache = new CacheState(snapshot.State, snapshot.Metadata?.Generation, snapshot.Metadata?.RefreshCompletedAt, snapshot.Index?.DocumentCount ?? 0);
        if (snapshot.Index is null || snapshot.Index.DocumentCount == 0)
        {
            var message = snapshot.State == "unavailable"
                ? $"The document cache could not be read: {snapshot.Problem}. Call heartbeat for details."
                : "The document cache is empty, so there is nothing to search yet. Call refresh_cache (or run 'sigma-mcp cache refresh'), then search again.";
            return ToolResult.Create(new SearchResults(query, 0, [], cache, message), ToolJsonContext.Default.SearchResults, message);
        }

        // 'element' means a chart or table inside a workbook (what export_data reads): data-model elements are left out.
        var hits = snapshot.Index.Search(new SearchQuery(query, type, type == "element" ? limit * 3 : limit)
        {
            Owner = Blank(owner),
            Path = Blank(path),
            Badge = Blank(badge),
            UpdatedSince = since,
            IncludeArchived = include_archived,
        }, out var unmatched);
        var items = hits.Where(h => type != "element" || h.Document.Type == "workbook").Take(limit).Select(ToItem).ToList();
        var stale = snapshot.Metadata is { } m && DateTimeOffset.UtcNow - m.RefreshCompletedAt > TimeSpan.FromDays(1)
            ? $"The cache was last refreshed {m.RefreshCompletedAt:u}; call refresh_cache if something recent is missing."
            : null;
        var note = items.Count == 0 ? "No matches. Try fewer or different words, another document_type, or fewer filters."
            : unmatched.Count > 0 ? $"Partial matches: nothing matched {string.Join(", ", unmatched.Select(w => $"'{w}'"))}. {stale}".TrimEnd()
            : stale;
        var result = new SearchResults(query, items.Count, items, cache, note, unmatched.Count > 0 ? unmatched : null);
        return ToolResult.Create(result, ToolJsonContext.Default.SearchResults, Render(result));
    }

    private static SearchResultItem ToItem(SearchHit hit)
    {
        var d = hit.Document;
        var page = hit.Element?.PageId is { } pageId ? d.Pages.FirstOrDefault(p => p.PageId == pageId) : null;
        return new SearchResultItem(
            d.Id, d.UrlId, d.Type, d.Name, d.Path, d.Url, d.Badge, d.OwnerName, d.UpdatedAt, Math.Round(hit.Score, 3), hit.MatchedField, hit.MatchedText,
            d.Type == "workbook" ? d.Id : null, hit.Element?.ElementId, hit.Element?.Name, hit.Element?.Type, hit.Element?.PageId, page?.Name);
    }

    private static string Render(SearchResults result)
    {
        var text = new StringBuilder($"{result.Count} result(s) for '{result.Query}':");
        var rank = 0;
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
