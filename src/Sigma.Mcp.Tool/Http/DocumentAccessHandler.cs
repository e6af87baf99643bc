using System.Text;
using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Team mode, in every Sigma request's pipeline: while a caller's <see cref="DocumentAccess"/> set applies, a request
/// about a document outside it (<c>/v2/workbooks/{id}/…</c>, <c>/v2/dataModels/{id}/…</c>, datasets, reports) is
/// sent for an id that does not exist instead, and Sigma's answer is handed back with the caller's id put back in: the
/// caller gets exactly what a nonexistent id gets (never "forbidden", which would confirm that it exists).
/// </summary>
internal sealed class DocumentAccessHandler : DelegatingHandler
{
    private const string NoSuchUuid = "00000000-0000-4000-8000-000000000000";
    private static readonly HashSet<string> s_documentKinds = ["workbooks", "dataModels", "datasets", "reports"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (DocumentAccess.Current is not { } documents || request.RequestUri is not { } uri)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2 || segments[0] != "v2" || !s_documentKinds.Contains(segments[1]))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        if (segments.Length == 2)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var id = Uri.UnescapeDataString(segments[2]);
        if (documents.Allows(id))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var standIn = Guid.TryParse(id, out _) ? NoSuchUuid : new string('x', id.Length);
        segments[2] = standIn;
        var original = request.RequestUri;
        request.RequestUri = new UriBuilder(uri) { Path = "/" + string.Join('/', segments) }.Uri;
        var response = await base.SendAsync(request, cancellationToken);
        request.RequestUri = original;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var content = new StringContent(body.Replace(standIn, id, StringComparison.Ordinal), Encoding.UTF8);
        content.Headers.ContentType = response.Content.Headers.ContentType;
        response.Content.Dispose();
        response.Content = content;
        return response;
    }
}
