using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using ListedTool = ModelContextProtocol.Protocol.Tool;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// A tool known by name at start-up, listed from the prebuilt catalog (<see cref="ToolCatalog"/>) once something asks
/// what it looks like, and built the SDK's way (reflection, JSON schemas) only when first called or warmed up (by
/// <c>Server.FirstCallWarmUp</c> after <c>initialize</c>). The server only needs the name to start: it re-implements
/// <see cref="IMcpServerPrimitive.Id"/>, which the base class derives from <see cref="ProtocolTool"/>.
/// </summary>
internal sealed class DeferredTool(string name, Func<ListedTool> listed, Func<McpServerTool> build) : McpServerTool, IMcpServerPrimitive
{
    private readonly Lazy<McpServerTool> _tool = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

    public string Name => name;

    string IMcpServerPrimitive.Id => name;

    public override ListedTool ProtocolTool => listed();

    public override IReadOnlyList<object> Metadata => _tool.Value.Metadata;

    public bool IsBuilt => _tool.IsValueCreated;

    public void Build() => _ = _tool.Value;

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default) =>
        _tool.Value.InvokeAsync(request, cancellationToken);

    public override string ToString() => name;
}
