using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// The <c>tools/list</c> answer, built once (the tools turned on, with their portable schemas) and then served as is:
/// the tools and the selection never change while the server runs. <c>Server.SearchIndexStart</c> builds it
/// right after <c>initialize</c>, so even the client's first <c>tools/list</c> finds it ready.
/// </summary>
internal sealed class ToolList(ToolSelection selection)
{
    private ListToolsResult? _result;

    public ListToolsResult Get(McpServerOptions options) => _result ??= new ListToolsResult
    {
        Tools = [.. (options.ToolCollection ?? []).Select(t => t.ProtocolTool).Where(t => selection.IsEnabled(t.Name))],
    };

    /// <summary>Serves <c>tools/list</c> from <see cref="ToolList"/>; a paged request (none is ever needed for eight tools) goes the SDK's way.</summary>
    public static McpRequestFilter<ListToolsRequestParams, ListToolsResult> Filter { get; } = next => (context, cancellationToken) =>
        context.Params?.Cursor is null && context.Services?.GetService(typeof(ToolList)) is ToolList list
            ? ValueTask.FromResult(DirectResults.ListTools(context, list.Get(context.Server.ServerOptions)))
            : next(context, cancellationToken);
}
