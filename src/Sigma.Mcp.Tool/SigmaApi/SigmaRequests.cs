using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sigma.Mcp.Tool.SigmaApi.Paging;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>
/// Sending requests to Sigma and reading what comes back, for <see cref="SigmaClient"/>: a failure becomes a
/// <see cref="SigmaApiException"/>, JSON is read with the source-generated contracts, and a list is followed page
/// after page in whichever paging style the endpoint uses.
/// </summary>
internal sealed class SigmaRequests(HttpClient http)
{
    /// <summary>The largest page Sigma serves.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>A list longer than this many pages is taken to be a paging bug, not data.</summary>
    private const int MaxPages = 100_000;

    /// <summary>
    /// Every entry of a list, page after page, in order. Stops at the last page, on an empty page, or with an error
    /// when Sigma repeats a page token (which would otherwise loop forever).
    /// </summary>
    public async IAsyncEnumerable<T> ListAsync<T>(
        string path,
        JsonTypeInfo<T> entryType,
        PagingStyle style = PagingStyle.PageLimit,
        int pageSize = MaxPageSize,
        IEnumerable<(string Name, string? Value)>? query = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var (sizeName, tokenName) = style == PagingStyle.PageLimit ? ("limit", "page") : ("pageSize", "pageToken");
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        for (var pageNumber = 1; ; pageNumber++)
        {
            var url = Url(path, [.. query ?? [], (sizeName, pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)), (tokenName, token)]);
            var page = await GetPageAsync(url, entryType, cancellationToken);
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }

            if (page.NextToken is null || page.Entries.Count == 0)
            {
                yield break;
            }

            if (!seenTokens.Add(page.NextToken) || pageNumber >= MaxPages)
            {
                throw new SigmaApiException(System.Net.HttpStatusCode.OK, "repeated_page_token",
                    $"Sigma returned the page token '{page.NextToken}' a second time after {pageNumber} pages; the listing stopped instead of looping.",
                    null, "GET", "/" + path);
            }

            token = page.NextToken;
        }
    }

    private async Task<SigmaPage<T>> GetPageAsync<T>(string url, JsonTypeInfo<T> entryType, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, url, content: null, cancellationToken);
        SigmaResponses.EnsureNotWebPage(response);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await SigmaPageReader.ReadAsync(body, entryType, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw SigmaResponses.InvalidResponse(response, Http.NetworkFailure.NotJson, $"a list that could not be read ({ex.Message})");
        }
    }

    public async Task<T> GetAsync<T>(string relativeUrl, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, relativeUrl, content: null, cancellationToken);
        return await ReadJsonAsync(response, typeInfo, cancellationToken);
    }

    public static Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        SigmaResponses.ReadJsonAsync(response, typeInfo, cancellationToken);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativeUrl, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, relativeUrl) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (Http.NetworkFailure.IsNoResponse(ex, cancellationToken))
        {
            throw SigmaResponses.NoResponse(method, "/" + relativeUrl.Split('?')[0], http.BaseAddress, ex);
        }

        try
        {
            await SigmaResponses.EnsureSuccessAsync(response, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>A relative URL with escaped path segments' query; parameters with a null value are left out.</summary>
    private static string Url(string path, IEnumerable<(string Name, string? Value)> query)
    {
        var url = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in query)
        {
            if (value is null)
            {
                continue;
            }

            url.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return url.ToString();
    }

    /// <summary>One path segment, escaped.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);
}
