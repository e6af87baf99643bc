namespace Sigma.Mcp.Tool.SigmaApi.Paging;

/// <summary>
/// The two ways Sigma pages a list; no published rule says which endpoint uses which, so each list names its own.
/// Both also cope with an endpoint answering a bare JSON array (one page, no token).
/// </summary>
internal enum PagingStyle
{
    /// <summary><c>?limit=&amp;page=</c> in, <c>{entries, nextPage}</c> out (most endpoints; limit up to 1000).</summary>
    PageLimit,

    /// <summary><c>?pageSize=&amp;pageToken=</c> in, <c>{entries, nextPageToken}</c> out.</summary>
    PageToken,
}
