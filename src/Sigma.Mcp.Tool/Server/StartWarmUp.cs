using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Tools;

namespace Sigma.Mcp.Tool.Server;

/// <summary>
/// Work that needs no service, done on a second core while the first builds the host (<c>serve</c>, both transports):
/// <list type="number">
/// <item>the MCP SDK's JSON code. Before <c>initialize</c> can be answered the SDK builds JSON metadata for every message
/// its server handles (its constructor looks up each handler's types) and reads and writes the handshake; with a
/// framework-dependent ReadyToRun build about 700 System.Text.Json methods are JIT-compiled for that (generic
/// instantiations over the SDK's value types, which ReadyToRun cannot precompile outside the framework's version
/// bubble). Whatever this has compiled when the server gets there is not paid twice;</item>
/// <item>the tool catalog that <c>tools/list</c> answers from, which clients ask for right after the handshake.</item>
/// </list>
/// Only a head start; a failure here is ignored (the real work reports it).
/// </summary>
internal static class StartWarmUp
{
    // The types the server's constructor and the handshake need, roughly in the order it needs them.
    private static readonly Type[] s_types =
    [
        typeof(JsonRpcMessage), typeof(JsonRpcRequest), typeof(JsonRpcResponse), typeof(InitializeRequestParams), typeof(InitializeResult),
        typeof(DiscoverResult), typeof(ListToolsRequestParams), typeof(ListToolsResult), typeof(CallToolRequestParams), typeof(CallToolResult),
        typeof(ListResourcesRequestParams), typeof(ListResourcesResult), typeof(ListResourceTemplatesRequestParams), typeof(ListResourceTemplatesResult),
        typeof(ReadResourceRequestParams), typeof(ReadResourceResult), typeof(SubscribeRequestParams), typeof(UnsubscribeRequestParams),
        typeof(EmptyResult), typeof(PingResult),
#pragma warning disable MCP9005 // deprecated in the 2026-07-28 protocol, but the server still handles it for older clients
        typeof(SetLevelRequestParams),
#pragma warning restore MCP9005
    ];

    private const string Initialize = """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"roots":{"listChanged":true}},"clientInfo":{"name":"warm-up","version":"1"}}}
        """;

    private static int s_started;

    /// <summary>Starts the warm-up on the thread pool, once per process, and returns at once.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 0)
        {
            _ = Task.Run(Run);
        }
    }

    /// <summary>Writes <paramref name="result"/> as the answer to request <paramref name="id"/>, as the SDK's transport does (and throws it away).</summary>
    private static void WriteResponse<T>(RequestId id, T result)
    {
        var options = McpJsonUtilities.DefaultOptions;
        var response = new JsonRpcResponse { Id = id, Result = JsonSerializer.SerializeToNode(result, options.GetTypeInfo(typeof(T))) };
        _ = JsonSerializer.SerializeToUtf8Bytes(response, options.GetTypeInfo(typeof(JsonRpcMessage)));
    }

    private static void Run()
    {
        try
        {
            var options = McpJsonUtilities.DefaultOptions;
            var message = JsonSerializer.Deserialize(Initialize, options.GetTypeInfo(typeof(JsonRpcMessage)));
            foreach (var type in s_types)
            {
                _ = options.GetTypeInfo(type);
            }

            var result = new InitializeResult
            {
                ProtocolVersion = "2025-06-18",
                Capabilities = new ServerCapabilities { Tools = new(), Resources = new() },
                ServerInfo = new Implementation { Name = "warm-up", Version = "1" },
            };
            WriteResponse((message as JsonRpcRequest)?.Id ?? default, result);

            ToolCatalog.Load();
        }
        catch (Exception)
        {
            // Only a head start: the server does the same work again, and reports any real failure.
        }
    }
}
