using System.Net;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// Turns a request that could not be relayed into the answer the MCP client shows its user: what happened and what
/// to do, in one or two sentences. A <c>tools/call</c> gets a tool error (which clients show, and the model reads);
/// every other request a JSON-RPC error. No message ever contains a token.
/// </summary>
internal sealed class RelayFailures(ConnectSettings settings)
{
    private const string RemotePrefix = "Request failed (remote): ";

    public JsonRpcMessage AnswerFor(JsonRpcRequest request, Exception exception)
    {
        if (exception is McpProtocolException protocol)
        {
            // The server answered with a JSON-RPC error over a non-2xx status (400): pass it on as it was.
            var message = protocol.Message.StartsWith(RemotePrefix, StringComparison.Ordinal) ? protocol.Message[RemotePrefix.Length..] : protocol.Message;
            return Error(request, (int)protocol.ErrorCode, message);
        }

        var text = Describe(exception);
        if (request.Method == RequestMethods.ToolsCall)
        {
            var result = new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = text }] };
            return new JsonRpcResponse
            {
                Id = request.Id,
                Result = JsonSerializer.SerializeToNode(result, McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(CallToolResult))),
            };
        }

        return Error(request, (int)McpErrorCode.InternalError, text);
    }

    /// <summary>The answer to a request still in flight when <c>connect</c> stops (a second signal, or the drain ran out).</summary>
    public static JsonRpcMessage Stopped(JsonRpcRequest request) =>
        Error(request, (int)McpErrorCode.InternalError, "sigma-mcp connect is shutting down; the request was cancelled on the server.");

    public string Describe(Exception exception)
    {
        var url = settings.Endpoint.ToString();
        return exception switch
        {
            LoginRequiredException { HadLogin: true } =>
                $"Your login to {url} has expired. Log in again: run `{settings.LoginCommand}` in a terminal (a browser opens), then retry.",
            LoginRequiredException =>
                $"{url} asks you to log in. Run `{settings.LoginCommand}` in a terminal (a browser opens), then retry.",
            HttpRequestException { StatusCode: HttpStatusCode.Unauthorized } when settings.Token is not null =>
                $"{url} refused the token in {settings.TokenSource} (HTTP 401). Check that {settings.TokenSource} holds a token this server accepts (one of its SIGMA_MCP_HTTP_TOKENS), then restart the MCP client.",
            HttpRequestException { StatusCode: HttpStatusCode.Unauthorized } =>
                $"{url} needs a token (HTTP 401) and offers no login. Set {ConnectSettings.TokenVariable} in this server's env in the MCP client's configuration (or pass --token-file), then restart the MCP client.",
            HttpRequestException { StatusCode: HttpStatusCode.Forbidden } =>
                $"{url} refused access (HTTP 403): your account or token is not allowed to use it. Ask the server's administrator.",
            HttpRequestException { StatusCode: HttpStatusCode.NotFound } =>
                $"{url} has no MCP endpoint (HTTP 404). Check the address in the MCP client's configuration (a sigma-mcp server's ends in /mcp).",
            HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests } =>
                $"{url} is limiting requests (HTTP 429). Wait a minute, then retry.",
            HttpRequestException { StatusCode: HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } ex =>
                $"{url} is unavailable (HTTP {(int)ex.StatusCode!}): it may be restarting or overloaded. Retry in a minute; if it persists, tell the server's administrator.",
            HttpRequestException { StatusCode: { } status } =>
                $"{url} failed the request (HTTP {(int)status}). Retry; if it persists, tell the server's administrator.",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } =>
                $"Cannot find {settings.Endpoint.Host}: the name does not resolve. Check the address in the MCP client's configuration, and your network or VPN.",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError } ex =>
                $"Cannot reach {url} ({Reason(ex)}). Check that the server is running and that your network or VPN reaches it, then retry.",
            HttpRequestException or IOException =>
                $"The connection to {url} dropped before the answer came (the server may be restarting). Retry.",
            TaskCanceledException or TimeoutException =>
                $"{url} did not answer in time. Check that the server is running and reachable, then retry.",
            McpException ex when IsAuthorizationFailure(ex) =>
                $"Logging in to {url} failed: {ex.Message} Run `{settings.LoginCommand}` in a terminal to log in again.",
            McpException =>
                $"The connection to {url} ended before the answer came (the server may be restarting). Retry.",
            _ => $"sigma-mcp connect could not relay the request to {url} ({exception.GetType().Name}). Retry; run with SIGMA_MCP_LOG_LEVEL=debug to see more in the MCP client's log.",
        };
    }

    private static string Reason(HttpRequestException ex) =>
        ex.InnerException is System.Net.Sockets.SocketException socket ? socket.SocketErrorCode switch
        {
            System.Net.Sockets.SocketError.ConnectionRefused => "connection refused",
            System.Net.Sockets.SocketError.TimedOut => "no answer to the connection attempt",
            System.Net.Sockets.SocketError.HostUnreachable or System.Net.Sockets.SocketError.NetworkUnreachable => "no route to it",
            var other => other.ToString(),
        }
        : ex.HttpRequestError == HttpRequestError.SecureConnectionError ? "the TLS handshake failed"
        : ex.InnerException is TimeoutException or TaskCanceledException ? "no answer to the connection attempt"
        : "connection failed";

    // The SDK's OAuth client reports every failed step (discovery, registration, token exchange) as an McpException
    // whose message says which; a dropped stream says "without a reply".
    private static bool IsAuthorizationFailure(McpException ex) =>
        !ex.Message.Contains("without a reply", StringComparison.Ordinal);

    private static JsonRpcError Error(JsonRpcRequest request, int code, string message) =>
        new() { Id = request.Id, Error = new JsonRpcErrorDetail { Code = code, Message = message } };
}
