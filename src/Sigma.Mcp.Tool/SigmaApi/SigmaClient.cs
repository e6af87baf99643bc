using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Sigma.Mcp.Tool.SigmaApi.Models;
using Sigma.Mcp.Tool.SigmaApi.Paging;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>
/// Sigma's REST API v2, typed: one method per endpoint the tool uses, over <see cref="SigmaRequests"/> (sending,
/// paging, reading JSON). Authentication, retries, timeouts and concurrency limits live in the HTTP pipeline (see
/// <c>AddSigmaClient</c>); every failure surfaces as <see cref="SigmaApiException"/>. Lists stream as
/// <see cref="IAsyncEnumerable{T}"/> and never lose a page. Thread-safe.
/// </summary>
internal sealed class SigmaClient(HttpClient http)
{
    /// <summary>The largest page Sigma serves.</summary>
    public const int MaxPageSize = SigmaRequests.MaxPageSize;

    private static readonly TimeSpan s_firstPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_longestPoll = TimeSpan.FromSeconds(5);

    private readonly SigmaRequests _requests = new(http);

    /// <summary>The API host this client talks to.</summary>
    public Uri? BaseUrl => http.BaseAddress;

    /// <summary><c>GET /v2/whoami</c>: the user and organization the credentials act as.</summary>
    public Task<WhoAmI> GetWhoAmIAsync(CancellationToken cancellationToken = default) =>
        _requests.GetAsync("v2/whoami", SigmaJsonContext.Default.WhoAmI, cancellationToken);

    /// <summary><c>GET /v2/workbooks</c>: every workbook the credentials can see.</summary>
    public IAsyncEnumerable<Workbook> ListWorkbooksAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        _requests.ListAsync("v2/workbooks", SigmaJsonContext.Default.Workbook, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/workbooks/{workbookId}</c> (a UUID; see <see cref="ResolveWorkbookAsync"/> for urlIds and URLs).</summary>
    public Task<Workbook> GetWorkbookAsync(string workbookId, CancellationToken cancellationToken = default) =>
        _requests.GetAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}", SigmaJsonContext.Default.Workbook, cancellationToken);

    public IAsyncEnumerable<WorkbookPage> ListWorkbookPagesAsync(string workbookId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/pages", SigmaJsonContext.Default.WorkbookPage, cancellationToken: cancellationToken);

    public IAsyncEnumerable<SigmaElement> ListPageElementsAsync(string workbookId, string pageId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/pages/{SigmaRequests.Segment(pageId)}/elements", SigmaJsonContext.Default.SigmaElement, cancellationToken: cancellationToken);

    public IAsyncEnumerable<SigmaElement> ListWorkbookElementsAsync(string workbookId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/elements", SigmaJsonContext.Default.SigmaElement, cancellationToken: cancellationToken);

    public IAsyncEnumerable<ElementColumn> ListElementColumnsAsync(string workbookId, string elementId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/elements/{SigmaRequests.Segment(elementId)}/columns", SigmaJsonContext.Default.ElementColumn, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/workbooks/{id}/columns</c>: every element's columns in one list, each with its <c>elementId</c>.</summary>
    public IAsyncEnumerable<ElementColumn> ListWorkbookColumnsAsync(string workbookId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/columns", SigmaJsonContext.Default.ElementColumn, cancellationToken: cancellationToken);

    /// <summary>The SQL behind an element. Sigma answers 404 for elements without a query (text, images, and on live tenants also some tables fed by a data model or custom SQL).</summary>
    public Task<ElementQuery> GetElementQueryAsync(string workbookId, string elementId, CancellationToken cancellationToken = default) =>
        _requests.GetAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/elements/{SigmaRequests.Segment(elementId)}/query", SigmaJsonContext.Default.ElementQuery, cancellationToken);

    public Task<ElementLineage> GetElementLineageAsync(string workbookId, string elementId, CancellationToken cancellationToken = default) =>
        _requests.GetAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/lineage/elements/{SigmaRequests.Segment(elementId)}", SigmaJsonContext.Default.ElementLineage, cancellationToken);

    /// <summary>A workbook's data sources (Sigma answers a bare array).</summary>
    public IAsyncEnumerable<WorkbookSource> ListWorkbookSourcesAsync(string workbookId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/sources", SigmaJsonContext.Default.WorkbookSource, cancellationToken: cancellationToken);

    public IAsyncEnumerable<WorkbookControl> ListWorkbookControlsAsync(string workbookId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/controls", SigmaJsonContext.Default.WorkbookControl, cancellationToken: cancellationToken);

    public IAsyncEnumerable<WorkbookTag> ListWorkbookTagsAsync(string workbookId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/workbooks/{SigmaRequests.Segment(workbookId)}/tags", SigmaJsonContext.Default.WorkbookTag, cancellationToken: cancellationToken);

    /// <summary>
    /// A workbook named by its UUID, its urlId, or a full Sigma URL. A urlId is looked up in the workbook list,
    /// because Sigma's API takes only UUIDs.
    /// </summary>
    public async Task<Workbook> ResolveWorkbookAsync(string reference, CancellationToken cancellationToken = default)
    {
        var parsed = WorkbookReference.Parse(reference);
        if (parsed.WorkbookId is { } id)
        {
            return await GetWorkbookAsync(id, cancellationToken);
        }

        await foreach (var workbook in ListWorkbooksAsync(cancellationToken: cancellationToken))
        {
            if (string.Equals(workbook.WorkbookUrlId, parsed.UrlId, StringComparison.Ordinal))
            {
                return workbook;
            }
        }

        throw new SigmaApiException(System.Net.HttpStatusCode.NotFound, "not_found",
            $"No workbook with urlId '{parsed.UrlId}' is visible to these credentials.", null, "GET", "/v2/workbooks");
    }

    public IAsyncEnumerable<DataModel> ListDataModelsAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        _requests.ListAsync("v2/dataModels", SigmaJsonContext.Default.DataModel, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);

    public Task<DataModel> GetDataModelAsync(string dataModelId, CancellationToken cancellationToken = default) =>
        _requests.GetAsync($"v2/dataModels/{SigmaRequests.Segment(dataModelId)}", SigmaJsonContext.Default.DataModel, cancellationToken);

    public IAsyncEnumerable<SigmaElement> ListDataModelElementsAsync(string dataModelId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/dataModels/{SigmaRequests.Segment(dataModelId)}/elements", SigmaJsonContext.Default.SigmaElement, cancellationToken: cancellationToken);

    public IAsyncEnumerable<ElementColumn> ListDataModelColumnsAsync(string dataModelId, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/dataModels/{SigmaRequests.Segment(dataModelId)}/columns", SigmaJsonContext.Default.ElementColumn, cancellationToken: cancellationToken);

    /// <summary>
    /// <c>GET /v2/datasets</c>. Datasets are legacy: Sigma retired the API in 2026, so a 404 or 410 on the first page
    /// means "no datasets any more", not an error.
    /// </summary>
    public async IAsyncEnumerable<Dataset> ListDatasetsAsync(int pageSize = MaxPageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var pages = _requests.ListAsync("v2/datasets", SigmaJsonContext.Default.Dataset, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        var first = true;
        while (true)
        {
            bool more;
            try
            {
                more = await pages.MoveNextAsync();
            }
            catch (SigmaApiException ex) when (first && ex.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                yield break;
            }

            if (!more)
            {
                yield break;
            }

            first = false;
            yield return pages.Current;
        }
    }

    /// <summary>
    /// <c>GET /v2/files</c>: documents and folders the credentials can see. One <paramref name="typeFilter"/> per listing
    /// (e.g. <c>workbook</c>, <c>data-model</c>, <c>dataset</c>, <c>report</c>, <c>folder</c>), because how Sigma reads
    /// several at once is not documented; null lists Sigma's default mix.
    /// </summary>
    public IAsyncEnumerable<SigmaFile> ListFilesAsync(string? typeFilter = null, string? parentId = null, int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        _requests.ListAsync("v2/files", SigmaJsonContext.Default.SigmaFile, PagingStyle.PageLimit, pageSize,
            [("typeFilters", typeFilter), ("parentId", parentId)], cancellationToken);

    /// <summary>
    /// <c>GET /v2/members</c>, archived and inactive members included (they still own documents). Always sends
    /// <c>limit</c>: without it the API answers a bare array.
    /// </summary>
    public IAsyncEnumerable<Member> ListMembersAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        _requests.ListAsync("v2/members", SigmaJsonContext.Default.Member, PagingStyle.PageLimit, pageSize,
            [("includeArchived", "true"), ("includeInactive", "true")], cancellationToken);

    /// <summary><c>GET /v2/teams</c>.</summary>
    public IAsyncEnumerable<Team> ListTeamsAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        _requests.ListAsync("v2/teams", SigmaJsonContext.Default.Team, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/connections</c>.</summary>
    public IAsyncEnumerable<Connection> ListConnectionsAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        _requests.ListAsync("v2/connections", SigmaJsonContext.Default.Connection, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/accountTypes</c> (pageToken paging).</summary>
    public IAsyncEnumerable<AccountType> ListAccountTypesAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        _requests.ListAsync("v2/accountTypes", SigmaJsonContext.Default.AccountType, PagingStyle.PageToken, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/connections/tables/{inodeId}/columns</c> (pageToken paging: a reader that ignores it stops at 50).</summary>
    public IAsyncEnumerable<TableColumn> ListTableColumnsAsync(string tableInodeId, int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/connections/tables/{SigmaRequests.Segment(tableInodeId)}/columns", SigmaJsonContext.Default.TableColumn, PagingStyle.PageToken, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/members?email=</c>: the active member with this email, or null.</summary>
    public async Task<Member?> FindMemberByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        await foreach (var member in _requests.ListAsync("v2/members", SigmaJsonContext.Default.Member, PagingStyle.PageLimit, 50, [("email", email)], cancellationToken))
        {
            if (string.Equals(member.Email, email, StringComparison.OrdinalIgnoreCase) && member.IsArchived != true && member.IsInactive != true)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary><c>GET /v2/members/{memberId}/files</c>, every page: the documents and folders that member can open.</summary>
    public IAsyncEnumerable<SigmaFile> ListMemberFilesAsync(string memberId, int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        _requests.ListAsync($"v2/members/{SigmaRequests.Segment(memberId)}/files", SigmaJsonContext.Default.SigmaFile, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>POST /v2/workbooks/{id}/export</c>: starts exporting one element's data; returns the query to download.</summary>
    public async Task<ExportStarted> StartExportAsync(string workbookId, ExportRequest request, CancellationToken cancellationToken = default)
    {
        using var content = JsonContent.Create(request, SigmaJsonContext.Default.ExportRequest);
        using var response = await _requests.SendAsync(HttpMethod.Post, $"v2/workbooks/{SigmaRequests.Segment(workbookId)}/export", content, cancellationToken);
        return await SigmaRequests.ReadJsonAsync(response, SigmaJsonContext.Default.ExportStarted, cancellationToken);
    }

    /// <summary>
    /// Polls <c>GET /v2/query/{queryId}/download</c> (204 = not ready yet) with growing back-off until
    /// <paramref name="deadline"/>, then reads the file, line by line, keeping at most <paramref name="maxBytes"/>:
    /// a larger file is cut after its last complete line and flagged, and the rest is never read into memory. A first
    /// line larger than the cap is returned whole (and flagged when more follow). For jsonl, where a line is a record;
    /// a CSV field may hold line breaks, so a CSV cut can fall inside a record.
    /// </summary>
    public async Task<ExportDownload> DownloadExportAsync(string queryId, TimeSpan deadline, int maxBytes, CancellationToken cancellationToken = default)
    {
        var path = $"v2/query/{SigmaRequests.Segment(queryId)}/download";
        var giveUpAt = DateTimeOffset.UtcNow + deadline;
        var wait = s_firstPoll;
        while (true)
        {
            using var response = await _requests.SendAsync(HttpMethod.Get, path, content: null, cancellationToken);
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                return await ExportDownload.ReadAsync(queryId, body, maxBytes, cancellationToken);
            }

            if (DateTimeOffset.UtcNow + wait > giveUpAt)
            {
                throw new SigmaApiException(null, "export_timeout",
                    $"Export query '{queryId}' was not ready after {deadline.TotalSeconds:0} s. Retry later, or export fewer rows (row_limit).",
                    null, "GET", "/" + path);
            }

            await Task.Delay(wait, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(s_longestPoll.Ticks, (long)(wait.Ticks * 1.6)));
        }
    }
}
