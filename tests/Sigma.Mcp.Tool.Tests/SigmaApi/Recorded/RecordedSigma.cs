using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Recorded;

/// <summary>
/// Replays a <see cref="RecordedTenant"/> over real HTTP on loopback (an <see cref="HttpListener"/>, as the sandbox
/// uses): each request gets the recorded response for its method and path, whatever its paging parameters. A request
/// nothing was recorded for gets Sigma's 404 and is listed in <see cref="Unanswered"/>. <see cref="Overrides"/> replace
/// a path's answer (e.g. a 403) to replay what a user with fewer rights would see.
/// </summary>
internal sealed class RecordedSigma : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly RecordedTenant _tenant;
    private readonly ConcurrentDictionary<RecordedResponse, int> _served = new();
    private readonly ConcurrentQueue<string> _unanswered = new();
    private readonly Task _loop;

    private RecordedSigma(HttpListener listener, Uri baseUrl, RecordedTenant tenant)
    {
        _listener = listener;
        _tenant = tenant;
        BaseUrl = baseUrl;
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>Path (and optional <c>?param=value</c>) → status to answer instead of the recording, with Sigma's error body.</summary>
    public ConcurrentDictionary<string, int> Overrides { get; } = new(StringComparer.Ordinal);

    /// <summary>Path → a body to answer instead of the recorded one (to drop a field and see what the product falls back to).</summary>
    public ConcurrentDictionary<string, string> BodyOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>Recorded responses the product asked for at least once.</summary>
    public IReadOnlyCollection<RecordedResponse> Served => [.. _served.Keys];

    /// <summary>Requests no recorded response answered (<c>METHOD /path?query</c>).</summary>
    public IReadOnlyCollection<string> Unanswered => _unanswered;

    public static RecordedSigma Start(RecordedTenant tenant)
    {
        var (listener, port) = LoopbackHttpListener.Start();
        return new RecordedSigma(listener, new Uri($"http://127.0.0.1:{port}"), tenant);
    }

    public async ValueTask DisposeAsync()
    {
        // Close() alone: after a Stop() it would unregister the prefix again, re-binding the port (see SandboxServer).
        _listener.Close();
        await _loop;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var query = request.Url.Query;
        var (status, body) = Answer(request.HttpMethod, path, query);
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        try
        {
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // The client went away.
        }
    }

    private (int Status, string Body) Answer(string method, string path, string query)
    {
        foreach (var (target, status) in Overrides)
        {
            var (overridePath, overrideQuery) = target.Split('?') is [var p, var q] ? (p, q) : (target, null);
            if (path == overridePath && (overrideQuery is null || query.TrimStart('?').Split('&').Contains(overrideQuery)))
            {
                return (status, $$"""{"code":"forbidden","message":"Replayed {{status}} for {{path}}","requestId":"replay"}""");
            }
        }

        if (BodyOverrides.TryGetValue(path, out var replaced))
        {
            return (200, replaced);
        }

        var response = _tenant.Responses.FirstOrDefault(r => r.Answers(method, path, query));
        if (response is null)
        {
            _unanswered.Enqueue($"{method} {path}{query}");
            return (404, """{"code":"not_found","message":"Nothing was recorded for this path","requestId":"replay"}""");
        }

        _served.AddOrUpdate(response, 1, (_, n) => n + 1);
        return (response.Status, response.Body.GetRawText());
    }
}
