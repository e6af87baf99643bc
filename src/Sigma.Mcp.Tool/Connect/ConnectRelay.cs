using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// Relays JSON-RPC between the MCP client on stdio (<paramref name="downstream"/>, the SDK's stream server transport)
/// and the remote server (<see cref="UpstreamConnection"/>), message by message, in both directions, unchanged.
/// Requests run concurrently; one that cannot be relayed is answered with what happened (<see cref="RelayFailures"/>).
/// A client's <c>notifications/cancelled</c> is passed on and also aborts the request's HTTP exchange, which a
/// stateless server takes as the cancellation. When the client's input ends (after the drain that
/// <see cref="Hosting.DrainingInputStream"/> does), or the host stops, whatever is still in flight is
/// cancelled upstream.
/// </summary>
internal sealed partial class ConnectRelay(ITransport downstream, ConnectSettings settings, Func<ClientOAuthOptions>? oauth, ILoggerFactory loggerFactory)
{
    private static readonly TimeSpan s_cancelTimeout = TimeSpan.FromSeconds(2);

    private readonly ILogger _logger = loggerFactory.CreateLogger<ConnectRelay>();
    private readonly ConcurrentDictionary<RequestId, InFlight> _inFlight = new();
    private readonly ConcurrentDictionary<Task, bool> _sends = new();
    private readonly RelayFailures _failures = new(settings);

    public async Task RunAsync(CancellationToken stopping)
    {
        await using var upstream = new UpstreamConnection(settings, oauth, ToClientAsync, loggerFactory);
        LogRelaying(_logger, settings.Endpoint, settings.Token is null ? "OAuth when asked" : "bearer token from " + settings.TokenSource);
        try
        {
            await foreach (var message in downstream.MessageReader.ReadAllAsync(stopping))
            {
                Dispatch(upstream, message);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        // The client's input has ended: DrainingInputStream already waited for the answers it could. Cancel the rest:
        // aborting a request's HTTP exchange cancels it on a stateless server; the notification tells a stateful one.
        using var deadline = new CancellationTokenSource(s_cancelTimeout);
        foreach (var (id, pending) in _inFlight)
        {
            LogCancellingOnExit(_logger, id);
            await pending.Cancellation.CancelAsync();
            Track(ForwardAsync(upstream, CancelledNotification(id, "sigma-mcp connect is shutting down"), retry: false, deadline.Token));
        }

        await Task.WhenAll(_sends.Keys);
    }

    private void Dispatch(UpstreamConnection upstream, JsonRpcMessage message)
    {
        switch (message)
        {
            case JsonRpcRequest request:
                var pending = new InFlight(request, new CancellationTokenSource());
                _inFlight[request.Id] = pending;
                Track(RelayRequestAsync(upstream, pending));
                break;
            case JsonRpcNotification { Method: NotificationMethods.CancelledNotification } cancelled:
                if (CancelledRequestId(cancelled) is { } id && _inFlight.TryRemove(id, out var target))
                {
                    target.Cancellation.Cancel();
                }

                Track(ForwardAsync(upstream, message));
                break;
            default:
                // Notifications, and the client's answers to the server's own requests (sampling, elicitation, roots).
                Track(ForwardAsync(upstream, message));
                break;
        }
    }

    private async Task RelayRequestAsync(UpstreamConnection upstream, InFlight pending)
    {
        var request = pending.Request;
        LogRelayingRequest(_logger, request.Method, request.Id);
        try
        {
            await upstream.SendAsync(request, pending.Cancellation.Token);
        }
        catch (OperationCanceledException) when (pending.Cancellation.IsCancellationRequested)
        {
            // Cancelled by the client (it expects no answer) or by shutdown (answered below, if the client still listens).
            if (_inFlight.ContainsKey(request.Id))
            {
                await ToClientAsync(RelayFailures.Stopped(request), CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            LogRequestFailed(_logger, request.Method, ex.GetType().Name);
            _logger.LogFailureDetail("Request not relayed", ex);
            await ToClientAsync(_failures.AnswerFor(request, ex), CancellationToken.None);
        }
        finally
        {
            // The source is not disposed: shutdown may still be cancelling it (it holds no timer, so nothing leaks).
            _inFlight.TryRemove(request.Id, out _);
        }
    }

    private async Task ForwardAsync(UpstreamConnection upstream, JsonRpcMessage message, bool retry = true, CancellationToken cancellationToken = default)
    {
        try
        {
            await upstream.SendAsync(message, cancellationToken, retry);
        }
        catch (Exception ex)
        {
            // Nobody waits for an answer to a notification: note it, the next request will report the problem.
            LogForwardFailed(_logger, message is JsonRpcNotification n ? n.Method : "response", _failures.Describe(ex));
            _logger.LogFailureDetail("Forwarding failed", ex);
        }
    }

    private async Task ToClientAsync(JsonRpcMessage message, CancellationToken cancellationToken)
    {
        if (message is JsonRpcResponse or JsonRpcError && message is JsonRpcMessageWithId answered)
        {
            // Answered: nothing left to cancel at shutdown (the request's own task may finish a moment later).
            _inFlight.TryRemove(answered.Id, out _);
        }

        try
        {
            await downstream.SendMessageAsync(message, cancellationToken);
        }
        catch (IOException ex)
        {
            LogClientGone(_logger, ex.Message, ex);
        }
    }

    private void Track(Task task)
    {
        _sends[task] = true;
        _ = task.ContinueWith(t => _sends.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static RequestId? CancelledRequestId(JsonRpcNotification notification) =>
        notification.Params?["requestId"] switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) => new RequestId(text),
            JsonValue value when value.TryGetValue<long>(out var number) => new RequestId(number),
            _ => null,
        };

    private static JsonRpcNotification CancelledNotification(RequestId id, string reason) => new()
    {
        Method = NotificationMethods.CancelledNotification,
        Params = new JsonObject
        {
            ["requestId"] = id.Id is long number ? JsonValue.Create(number) : JsonValue.Create(id.ToString()),
            ["reason"] = reason,
        },
    };

    private sealed record InFlight(JsonRpcRequest Request, CancellationTokenSource Cancellation);

    [LoggerMessage(Level = LogLevel.Information, Message = "sigma-mcp connect relaying stdio to {Endpoint} (authentication: {Authentication})")]
    private static partial void LogRelaying(ILogger logger, Uri endpoint, string authentication);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Relaying {Method} {Id}")]
    private static partial void LogRelayingRequest(ILogger logger, string method, RequestId id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} could not be relayed ({Error})")]
    private static partial void LogRequestFailed(ILogger logger, string method, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} could not be relayed: {Reason}")]
    private static partial void LogForwardFailed(ILogger logger, string what, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {Id} still running at exit: cancelling it on the server")]
    private static partial void LogCancellingOnExit(ILogger logger, RequestId id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The MCP client has gone: {Reason}")]
    private static partial void LogClientGone(ILogger logger, string reason, Exception exception);
}
