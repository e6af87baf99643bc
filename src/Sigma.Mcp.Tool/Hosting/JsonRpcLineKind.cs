namespace Sigma.Mcp.Tool.Hosting;

/// <summary>What a JSON-RPC line is, as far as draining is concerned.</summary>
internal enum JsonRpcLineKind
{
    Other,
    Request,
    Response,
    Cancelled,
}
