using System.Net;
using System.Runtime.CompilerServices;
using Sigma.Mcp.Tool.SigmaApi.Models;
using Sigma.Mcp.Tool.SigmaApi.Paging;

namespace Sigma.Mcp.Tool.SigmaApi;

internal sealed partial class SigmaClient
{
    public IAsyncEnumerable<DataModel> ListDataModelsAsync(int pageSize = MaxPageSize, CancellationToken cancellationToken = default) =>
        ListAsync("v2/dataModels", SigmaJsonContext.Default.DataModel, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken);

    public Task<DataModel> GetDataModelAsync(string dataModelId, CancellationToken cancellationToken = default) =>
        GetAsync($"v2/dataModels/{Segment(dataModelId)}", SigmaJsonContext.Default.DataModel, cancellationToken);

    public IAsyncEnumerable<SigmaElement> ListDataModelElementsAsync(string dataModelId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/dataModels/{Segment(dataModelId)}/elements", SigmaJsonContext.Default.SigmaElement, cancellationToken: cancellationToken);

    public IAsyncEnumerable<ElementColumn> ListDataModelColumnsAsync(string dataModelId, CancellationToken cancellationToken = default) =>
        ListAsync($"v2/dataModels/{Segment(dataModelId)}/columns", SigmaJsonContext.Default.ElementColumn, cancellationToken: cancellationToken);

    /// <summary>
    /// <c>GET /v2/datasets</c>. Datasets are legacy: Sigma retired the API in 2026, so a 404 or 410 on the first page
    /// means "no datasets any more", not an error.
    /// </summary>
    public async IAsyncEnumerable<Dataset> ListDatasetsAsync(int pageSize = MaxPageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var pages = ListAsync("v2/datasets", SigmaJsonContext.Default.Dataset, PagingStyle.PageLimit, pageSize, cancellationToken: cancellationToken)
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
}
