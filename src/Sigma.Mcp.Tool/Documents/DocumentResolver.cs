using System.Net;
using ModelContextProtocol;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.Documents;

/// <summary>
/// Turns what a model passed as <c>workbook_id</c> or <c>data_model_id</c> into Sigma's document, and when it cannot,
/// says which call to make next: the loaded cache is asked first (one dictionary lookup), so a data model passed as a
/// workbook, a name passed as an id, or an id nobody has are told apart from a wrong regional host, which is suspected
/// only when the cache is empty.
/// </summary>
internal static class DocumentResolver
{
    public static async Task<Workbook> ResolveWorkbookAsync(SigmaClient sigma, SearchIndexProvider index, string tool, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var snapshot = await index.GetAsync(cancellationToken);
        WorkbookReference parsed;
        try
        {
            parsed = WorkbookReference.Parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new McpException($"workbook_id: {ex.Message} Pass the workbook's id, urlId or URL (search_documents finds them).");
        }

        var key = parsed.WorkbookId ?? parsed.UrlId!;
        if (snapshot.Index?.Find(key) is { } cached && DocumentAccess.Allows(cached.Id))
        {
            return cached.Type == DocumentTypes.Workbook
                ? await FromSigmaAsync(() => sigma.GetWorkbookAsync(cached.Id, cancellationToken), snapshot, text, "workbook")
                : throw new McpException(WrongKind(tool, cached, DocumentTypes.Workbook));
        }

        if (Known(snapshot) && LooksLikeName(text, parsed))
        {
            throw new McpException(NotAnId(snapshot, text, DocumentTypes.Workbook));
        }

        return await FromSigmaAsync(() => sigma.ResolveWorkbookAsync(text, cancellationToken), snapshot, text, "workbook");
    }

    public static async Task<(DataModel Live, CachedDocument? Cached)> ResolveDataModelAsync(SigmaClient sigma, SearchIndexProvider index, string tool, string reference, CancellationToken cancellationToken)
    {
        var text = reference.Trim();
        var snapshot = await index.GetAsync(cancellationToken);
        if (snapshot.Index?.Find(text) is { } cached && DocumentAccess.Allows(cached.Id))
        {
            return cached.Type == DocumentTypes.DataModel
                ? (await FromSigmaAsync(() => sigma.GetDataModelAsync(cached.Id, cancellationToken), snapshot, text, "data model"), cached)
                : throw new McpException(WrongKind(tool, cached, DocumentTypes.DataModel));
        }

        if (Known(snapshot) && LooksLikeName(text, null))
        {
            throw new McpException(NotAnId(snapshot, text, DocumentTypes.DataModel));
        }

        return (await FromSigmaAsync(() => sigma.GetDataModelAsync(text, cancellationToken), snapshot, text, "data model"), null);
    }

    /// <summary>The message for a document of another kind than the tool takes, naming the tool that takes it.</summary>
    private static string WrongKind(string tool, CachedDocument document, string wanted)
    {
        var what = $"'{document.Name}' ({document.Id}) is a {Kind(document.Type)}, not a {Kind(wanted)}";
        return document.Type switch
        {
            DocumentTypes.DataModel when tool == ToolNames.ExportData =>
                $"{what}. Sigma exports data only from workbook elements: data-model elements are read through a workbook element built on them. " +
                $"Find one with {ToolCall.Format(ToolNames.SearchDocuments, ("query", document.Name), ("document_type", "element"))} and pass its workbook_id and element_id to export_data.",
            DocumentTypes.DataModel => $"{what}: call {ToolCall.Format(ToolNames.DescribeDataModel, ("data_model_id", document.Id))}.",
            DocumentTypes.Workbook => $"{what}: call {ToolCall.Format(ToolNames.DescribeWorkbook, ("workbook_id", document.Id))}.",
            _ => $"{what}; {tool} takes a {Kind(wanted)}. Find one with {ToolCall.Format(ToolNames.SearchDocuments, ("query", document.Name), ("document_type", wanted))}.",
        };
    }

    /// <summary>A name passed where an id goes: the best match's id, or the search to make.</summary>
    private static string NotAnId(SearchSnapshot snapshot, string text, string wanted)
    {
        var argument = wanted == DocumentTypes.Workbook ? "workbook_id" : "data_model_id";
        var next = wanted == DocumentTypes.Workbook ? ToolNames.DescribeWorkbook : ToolNames.DescribeDataModel;
        var best = BestMatch(snapshot, text, wanted);
        return best is null
            ? $"'{text}' is not a {Kind(wanted)} id, urlId or URL, and no cached {Kind(wanted)} is named like it. Call {ToolCall.Format(ToolNames.SearchDocuments, ("query", text))} to find its id."
            : $"'{text}' is not a {Kind(wanted)} id; it looks like a name. The best match is the {Kind(wanted)} '{best.Name}' ({argument} \"{best.Id}\"): " +
              $"call {ToolCall.Format(next, (argument, best.Id))}, or {ToolCall.Format(ToolNames.SearchDocuments, ("query", text))} for other matches.";
    }

    private static async Task<T> FromSigmaAsync<T>(Func<Task<T>> call, SearchSnapshot snapshot, string text, string what)
    {
        try
        {
            return await call();
        }
        catch (SigmaApiException ex) when (ex.Status == HttpStatusCode.NotFound && Known(snapshot))
        {
            // The cache is loaded, so Sigma is reachable on this host: a 404 means the id is wrong, not the region.
            var best = BestMatch(snapshot, text, what == "workbook" ? DocumentTypes.Workbook : DocumentTypes.DataModel);
            var hint = best is null ? "" : $" The closest cached {what} by name is '{best.Name}' (id \"{best.Id}\").";
            throw new McpException(
                $"No {what} '{text}': it is not among the {VisibleCount(snapshot):N0} cached documents, and Sigma does not know it either.{hint} " +
                $"Call {ToolCall.Format(ToolNames.SearchDocuments, ("query", "<its name>"))} to find its id, or refresh_cache if it was created since {snapshot.Metadata?.RefreshCompletedAt:yyyy-MM-dd HH:mm} UTC.");
        }
    }

    private static CachedDocument? BestMatch(SearchSnapshot snapshot, string text, string type)
    {
        try
        {
            // Team mode: only among the caller's documents, so that a suggestion never names one they may not see.
            return snapshot.Index?.Search(new SearchQuery(text, type, 1) { Visible = DocumentAccess.Current?.MaskFor(snapshot.Index) }) is [var best, ..]
                ? best.Document
                : null;
        }
        catch (ArgumentException)
        {
            return null; // nothing searchable in the text (only punctuation, say)
        }
    }

    /// <summary>The cached documents the caller may see (team mode: their member's), so that the count reveals nothing either.</summary>
    private static int VisibleCount(SearchSnapshot snapshot) =>
        DocumentAccess.Current?.MaskFor(snapshot.Index!).Count(visible => visible) ?? snapshot.Index!.DocumentCount;

    /// <summary>True when a loaded cache can vouch for what exists.</summary>
    private static bool Known(SearchSnapshot snapshot) => snapshot.Index is { DocumentCount: > 0 };

    /// <summary>Ids and urlIds are one word of letters and digits; a name has spaces or other characters.</summary>
    private static bool LooksLikeName(string text, WorkbookReference? parsed) =>
        parsed?.WorkbookId is null && !Uri.IsWellFormedUriString(text, UriKind.Absolute) && text.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_');

    private static string Kind(string type) => type == DocumentTypes.DataModel ? "data model" : type;
}
