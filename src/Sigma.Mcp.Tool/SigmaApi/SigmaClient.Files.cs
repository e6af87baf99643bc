using Sigma.Mcp.Tool.SigmaApi.Models;
using Sigma.Mcp.Tool.SigmaApi.Paging;

namespace Sigma.Mcp.Tool.SigmaApi;

internal sealed partial class SigmaClient
{
    /// <summary>
    /// <c>GET /v2/files</c>: documents and folders the credentials can see. One <paramref name="typeFilter"/> per listing
    /// (e.g. <c>workbook</c>, <c>data-model</c>, <c>dataset</c>, <c>report</c>, <c>folder</c>), because how Sigma reads
    /// several at once is not documented; null lists Sigma's default mix.
    /// </summary>
    public IAsyncEnumerable<SigmaFile> ListFilesAsync(string? typeFilter = null, string? parentId = null, int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        ListAsync("v2/files", SigmaJsonContext.Default.SigmaFile, PagingStyle.PageLimit, pageSize,
            [("typeFilters", typeFilter), ("parentId", parentId)], cancellationToken);

    /// <summary>
    /// <c>GET /v2/members</c>, archived and inactive members included (they still own documents). Always sends
    /// <c>limit</c>: without it the API answers a bare array.
    /// </summary>
    public IAsyncEnumerable<Member> ListMembersAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        ListAsync("v2/members", SigmaJsonContext.Default.Member, PagingStyle.PageLimit, pageSize,
            [("includeArchived", "true"), ("includeInactive", "true")], cancellationToken);

    /// <summary><c>GET /v2/teams</c>.</summary>
    public IAsyncEnumerable<Team> ListTeamsAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        ListAsync("v2/teams", SigmaJsonContext.Default.Team, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/connections</c>.</summary>
    public IAsyncEnumerable<Connection> ListConnectionsAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        ListAsync("v2/connections", SigmaJsonContext.Default.Connection, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/accountTypes</c> (pageToken paging).</summary>
    public IAsyncEnumerable<AccountType> ListAccountTypesAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        ListAsync("v2/accountTypes", SigmaJsonContext.Default.AccountType, PagingStyle.PageToken, pageSize, cancellationToken: cancellationToken);

    /// <summary><c>GET /v2/connections/tables/{inodeId}/columns</c> (pageToken paging: a reader that ignores it stops at 50).</summary>
    public IAsyncEnumerable<TableColumn> ListTableColumnsAsync(string tableInodeId, int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/connections/tables/{Segment(tableInodeId)}/columns", SigmaJsonContext.Default.TableColumn, PagingStyle.PageToken, pageSize, cancellationToken: cancellationToken);
}
