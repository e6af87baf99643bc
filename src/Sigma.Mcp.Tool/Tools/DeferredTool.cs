using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using ListedTool = ModelContextProtocol.Protocol.Tool;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// A tool listed from the prebuilt catalog (<see cref="ToolCatalog"/>) and built the SDK's way (reflection, JSON
/// schemas) only when first needed: by <c>Server.FirstCallWarmUp</c> after <c>initialize</c>, or by the first
/// call if that comes sooner.
/// </summary>
internal sealed class DeferredTool(ListedTool listed, Func<McpServerTool> build) : McpServerTool
{
    private readonly Lazy<McpServerTool> _tool = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

    public override ListedTool ProtocolTool => listed;

    public override IReadOnlyList<object> Metadata => _tool.Value.Metadata;

    public bool IsBuilt => _tool.IsValueCreated;

    public void Build() => _ = _tool.Value;

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        _tool.Value.InvokeAsync(request, cancellationToken);
}
