using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// Writes the results of <c>tools/call</c> and <c>tools/list</c>, the largest the server sends, once instead of three
/// times. The SDK turns a handler's result into a JSON node by writing it out and parsing it back, then writes that node
/// again when it sends the response: about a third of a search call's time. Here the request filter keeps the result on
/// the request's context and hands the SDK a stand-in that costs next to nothing; the outgoing filter puts the result
/// back into the response as a node that serializes the result object itself, straight onto the transport. Whatever
/// the SDK added to the stand-in's <c>_meta</c> (its identity, on protocol versions with per-request metadata) goes
/// along with it. This relies on two things the SDK (2.4.0) does, which <c>DirectResultsTests</c> would catch changing:
/// it answers a request with the request's own message context, and it reads nothing of a tool's result but
/// <c>IsError</c> (for its log) before sending it.
/// </summary>
internal static class DirectResults
{
    private const string ItemKey = "sigma-mcp/direct-result";

    /// <summary>The outermost <c>tools/call</c> filter: what the filters inside it return is what the client receives.</summary>
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> CallToolFilter { get; } = next => async (context, cancellationToken) =>
    {
        var result = await next(context, cancellationToken);
        // The SDK logs IsError from what it is given, so the stand-in keeps it.
        return Defer(context.JsonRpcRequest, meta => JsonValue.Create(WithMeta(result, meta), TypeInfo<CallToolResult>())!)
            ? new CallToolResult { IsError = result.IsError }
            : result;
    };

    /// <summary>Sends a <c>tools/list</c> answer (built once by <c>ToolList</c>) through the same path.</summary>
    public static ListToolsResult ListTools(RequestContext<ListToolsRequestParams> context, ListToolsResult list) =>
        Defer(context.JsonRpcRequest, meta => JsonValue.Create(
                meta is null ? list : new ListToolsResult { Tools = list.Tools, NextCursor = list.NextCursor, Meta = meta }, TypeInfo<ListToolsResult>())!)
            ? new ListToolsResult()
            : list;

    /// <summary>Puts each kept result back into its response, just before the transport writes it.</summary>
    public static McpMessageFilter OutgoingFilter { get; } = next => (context, cancellationToken) =>
    {
        if (context.JsonRpcMessage is JsonRpcResponse { Context.Items: { } items } response
            && items.Remove(ItemKey, out var kept)
            && kept is Func<JsonObject?, JsonNode> write)
        {
            var meta = response.Result is JsonObject standIn && standIn.Remove("_meta", out var added) ? added as JsonObject : null;
            response.Result = write(meta);
        }

        return next(context, cancellationToken);
    };

    // Only where the response will carry the request's context (the SDK answers with it), so the outgoing filter finds it.
    private static bool Defer(JsonRpcRequest? request, Func<JsonObject?, JsonNode> write)
    {
        if (request?.Context is not { } messageContext)
        {
            return false;
        }

        (messageContext.Items ??= new Dictionary<string, object?>(StringComparer.Ordinal))[ItemKey] = write;
        return true;
    }

    // Looked up when first written, not when the server is put together (before initialize).
    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T));

    private static CallToolResult WithMeta(CallToolResult result, JsonObject? meta)
    {
        if (meta is null)
        {
            return result;
        }

        var merged = result.Meta?.DeepClone().AsObject() ?? [];
        foreach (var (name, value) in meta.ToArray())
        {
            meta.Remove(name);
            merged[name] = value;
        }

        return new CallToolResult
        {
            Content = result.Content,
            StructuredContent = result.StructuredContent,
            IsError = result.IsError,
            ResultType = result.ResultType,
            Meta = merged,
        };
    }
}
