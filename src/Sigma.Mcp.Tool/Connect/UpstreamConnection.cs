using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// The remote side of <c>connect</c>: the SDK's Streamable HTTP client transport, used as a raw JSON-RPC pipe (no
/// client session of its own), so that every message passes through unchanged. Each request is one HTTP POST whose
/// answer, and the notifications and server requests that come with it, the SDK puts on the transport's reader, which
/// this class hands to <c>onMessage</c>.
/// </summary>
/// <remarks>
/// A dropped connection needs nothing special: every POST may use a new one. While the server cannot be reached
/// (refused, 502, 503) a message is retried for <see cref="ConnectSettings.ReconnectBudget"/>, which rides over a
/// restart. A stateful server that forgot the session (404) gets a new session: the client's own
/// <c>initialize</c> and <c>notifications/initialized</c> are replayed, then the message is sent again.
/// </remarks>
internal sealed partial class UpstreamConnection(
    ConnectSettings settings,
    Func<ClientOAuthOptions>? oauth,
    Func<JsonRpcMessage, CancellationToken, Task> onMessage,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private const string ReplayIdPrefix = "sigma-mcp-connect-reinitialize-";
    private static readonly TimeSpan s_firstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_maxRetryDelay = TimeSpan.FromSeconds(1);

    private readonly ILogger _logger = loggerFactory.CreateLogger<UpstreamConnection>();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly List<Task> _pumps = [];
    private HttpClientTransport? _client;
    private ChallengeObserver? _challenges;
    private ITransport? _session;
    private JsonRpcRequest? _initialize;
    private bool _initialized;
    private int _replays;
    private int _sessions;

    /// <summary>Sends one message upstream; for a request, returns once its answer has been handed on.</summary>
    /// <exception cref="HttpRequestException">The server could not be reached, or refused the request.</exception>
    /// <exception cref="LoginRequiredException">The server wants a login that needs the user.</exception>
    public async Task SendAsync(JsonRpcMessage message, CancellationToken cancellationToken, bool retry = true)
    {
        Remember(message);
        var started = Stopwatch.GetTimestamp();
        var delay = s_firstRetryDelay;
        var renewed = false;
        while (true)
        {
            var session = await GetSessionAsync(cancellationToken);
            try
            {
                await session.SendMessageAsync(message, cancellationToken);
                return;
            }
            catch (LoginRequiredException)
            {
                // The SDK's OAuth state is now half-way through a login; start afresh from the saved login next time.
                await DropSessionAsync(session, client: true);
                throw;
            }
            catch (McpException ex) when (ex is not McpProtocolException && _challenges?.LastChallengeOfferedNoLogin == true)
            {
                // The server wants a token and offers no login: say that, not what the OAuth client tried.
                throw new HttpRequestException("The server answered 401 without offering a login.", ex, HttpStatusCode.Unauthorized);
            }
            catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.NotFound && session is TransportBase { IsConnected: false } && !renewed)
            {
                LogSessionExpired(_logger, settings.Endpoint);
                await DropSessionAsync(session, client: false);
                renewed = true;
            }
            catch (HttpRequestException ex) when (retry && IsUnreachable(ex) && Stopwatch.GetElapsedTime(started) + delay < settings.ReconnectBudget)
            {
                LogRetrying(_logger, settings.Endpoint, Describe(ex), delay.TotalMilliseconds);
                _logger.LogFailureDetail("Server not reachable", ex);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_maxRetryDelay.Ticks));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _gate.WaitAsync();
        try
        {
            if (_session is not null)
            {
                await _session.DisposeAsync();
            }

            if (_client is not null)
            {
                await _client.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }

        await Task.WhenAll(_pumps);
        _closing.Dispose();
    }

    /// <summary>Connection refused or reset before an answer, or a proxy saying the server is not there (502, 503).</summary>
    public static bool IsUnreachable(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.ConnectionError
        || ex.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable;

    private static string Describe(HttpRequestException ex) =>
        ex.StatusCode is { } status ? $"HTTP {(int)status}" : ex.HttpRequestError.ToString();

    private void Remember(JsonRpcMessage message)
    {
        switch (message)
        {
            case JsonRpcRequest { Method: RequestMethods.Initialize } initialize:
                _initialize = initialize;
                break;
            case JsonRpcNotification { Method: NotificationMethods.InitializedNotification }:
                _initialized = true;
                break;
        }
    }

    private async Task<ITransport> GetSessionAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_session is TransportBase { IsConnected: false })
            {
                await DropSessionCoreAsync(client: false);
            }

            if (_session is not null)
            {
                return _session;
            }

            // Replaying is for a session that replaces one: the first carries the client's own handshake.
            var replay = _sessions++ > 0 && _initialize is not null;
            _client ??= CreateClient();
            var session = await _client.ConnectAsync(cancellationToken);
            _pumps.Add(Task.Run(() => PumpAsync(session), CancellationToken.None));
            if (replay)
            {
                // A new session (a stateful server lost ours): the same handshake the client made, answered to nobody.
                var id = new RequestId(ReplayIdPrefix + Interlocked.Increment(ref _replays));
                await session.SendMessageAsync(new JsonRpcRequest { Id = id, Method = _initialize!.Method, Params = _initialize.Params?.DeepClone() }, cancellationToken);
                if (_initialized)
                {
                    await session.SendMessageAsync(new JsonRpcNotification { Method = NotificationMethods.InitializedNotification }, cancellationToken);
                }
            }

            _session = session;
            return session;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropSessionAsync(ITransport session, bool client)
    {
        await _gate.WaitAsync();
        try
        {
            if (ReferenceEquals(_session, session))
            {
                await DropSessionCoreAsync(client);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropSessionCoreAsync(bool client)
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
            _session = null;
        }

        if (client && _client is not null)
        {
            await _client.DisposeAsync();
            _client = null;
        }
    }

    private async Task PumpAsync(ITransport session)
    {
        try
        {
            await foreach (var message in session.MessageReader.ReadAllAsync(_closing.Token))
            {
                if (message is JsonRpcResponse or JsonRpcError && message is JsonRpcMessageWithId { Id.Id: string id } && id.StartsWith(ReplayIdPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                await onMessage(message, _closing.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
        }
    }

    private HttpClientTransport CreateClient()
    {
        // No overall timeout: a tool call may stream for minutes, and the client cancels what it no longer wants.
        _challenges = new ChallengeObserver(settings.Endpoint);
        var http = new HttpClient(_challenges) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("sigma-mcp-connect", typeof(UpstreamConnection).Assembly.GetName().Version?.ToString(3) ?? "0"));
        if (settings.Token is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var options = new HttpClientTransportOptions
        {
            Endpoint = settings.Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = "sigma-mcp connect",
            OAuth = settings.Token is null ? oauth?.Invoke() : null,
        };
        return new HttpClientTransport(options, http, loggerFactory, ownsHttpClient: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint} not reachable ({Reason}); retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, Uri endpoint, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Endpoint} no longer knows the session; starting a new one")]
    private static partial void LogSessionExpired(ILogger logger, Uri endpoint);
}
