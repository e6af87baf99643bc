using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Server;

/// <summary>
/// Runs beside the index load (after <c>initialize</c> over stdio), while the client is still reading the handshake:
/// builds the <c>tools/list</c> answer, readies the tools and runs the search code on an empty index, then, once the
/// index is loaded, runs one search end to end
/// (query, result, JSON), so that the code behind them is compiled by the time the client's first calls arrive.
/// </summary>
internal static class FirstCallWarmUp
{
    public static async Task RunAsync(IServiceProvider services, SearchIndexProvider index, CancellationToken cancellationToken)
    {
        try
        {
            if (services.GetService<IOptions<McpServerOptions>>()?.Value is { } options)
            {
                services.GetService<ToolList>()?.Get(options);
            }

            services.GetService<ToolCatalog>()?.PrepareAll();

            // The search code and its lexicons, on an empty index, while the real one loads.
            _ = SearchIndex.Build([]).Search(new SearchQuery("warm up revenue by region"));
            _ = await index.GetAsync(cancellationToken);

            var search = ActivatorUtilities.CreateInstance<SearchDocumentsTool>(services);
            var result = await search.SearchDocuments("warm up", cancellationToken: cancellationToken);
            _ = JsonSerializer.SerializeToUtf8Bytes(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult)));
        }
        catch (Exception)
        {
            // Only a head start (stopped with the server, or failed): a real call that fails the same way says why.
        }
    }
}
