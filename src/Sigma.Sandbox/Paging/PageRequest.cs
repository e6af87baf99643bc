using Sigma.Sandbox.Http;

namespace Sigma.Sandbox.Paging;

/// <summary>
/// A validated page request: <c>After</c> is the key of the last item already returned (null for the first page).
/// Built from either Sigma paging style: <c>page</c>/<c>limit</c> or <c>pageToken</c>/<c>pageSize</c>.
/// </summary>
internal readonly record struct PageRequest(long? After, int Limit)
{
    public static PageRequest FromPageAndLimit(QueryParameters query, SandboxOptions options) =>
        Create(query, "page", "limit", options);

    public static PageRequest FromPageTokenAndSize(QueryParameters query, SandboxOptions options) =>
        Create(query, "pageToken", "pageSize", options);

    private static PageRequest Create(QueryParameters query, string tokenKey, string sizeKey, SandboxOptions options)
    {
        int limit = query.GetInt(sizeKey) ?? options.DefaultPageSize;
        if (limit < 1 || limit > options.MaxPageSize)
        {
            throw ApiException.BadRequest($"{sizeKey} must be between 1 and {options.MaxPageSize}.");
        }

        string? token = query.Get(tokenKey);
        if (string.IsNullOrEmpty(token))
        {
            return new PageRequest(null, limit);
        }

        return PageToken.TryDecode(token, out long after)
            ? new PageRequest(after, limit)
            : throw ApiException.BadRequest($"Invalid {tokenKey} token.");
    }
}
