using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sigma.Sandbox.Http;

/// <summary>
/// One request being answered: parsed path, query and route values, plus the ways to answer it. It reports itself to
/// the request log once, when the response is committed and before its bytes leave, so a client that has its answer
/// always finds the request in the log.
/// </summary>
internal sealed class RequestContext
{
    private const int MaxBodyChars = 1 << 20;
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly HttpListenerContext _http;
    private readonly Action<RequestContext> _committed;
    private int _commitCount;
    private int _finished;

    public RequestContext(HttpListenerContext http, string requestId, Action<RequestContext> committed, CancellationToken aborted)
    {
        _http = http;
        _committed = committed;
        RequestId = requestId;
        Aborted = aborted;
        Method = http.Request.HttpMethod;
        Path = http.Request.Url?.AbsolutePath ?? "/";
        Query = QueryParameters.Parse(http.Request.Url?.Query);
        http.Response.AddHeader("x-request-id", requestId);
    }

    public string RequestId { get; }

    public string Method { get; }

    /// <summary>The raw (still escaped) path, e.g. <c>/v2/workbooks</c>.</summary>
    public string Path { get; }

    public QueryParameters Query { get; }

    public CancellationToken Aborted { get; }

    public IReadOnlyDictionary<string, string> RouteValues { get; set; } = new Dictionary<string, string>();

    /// <summary>The status sent; 0 until a response starts.</summary>
    public int Status { get; private set; }

    public bool HasStarted => Status != 0 || Dropped;

    public bool Dropped { get; private set; }

    public HttpListenerRequest Request => _http.Request;

    public string Route(string name) => RouteValues[name];

    public async Task WriteJsonAsync(JsonNode? body, int status = 200)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            if (body is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                body.WriteTo(writer);
            }
        }

        Start(status, "application/json; charset=utf-8");
        _http.Response.ContentLength64 = buffer.WrittenCount;
        MarkFinished(); // with a Content-Length, the client has the whole answer as soon as the body is written
        await _http.Response.OutputStream.WriteAsync(buffer.WrittenMemory, Aborted);
        _http.Response.Close();
    }

    public async Task WriteTextAsync(int status, string contentType, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Start(status, contentType);
        _http.Response.ContentLength64 = bytes.Length;
        MarkFinished();
        await _http.Response.OutputStream.WriteAsync(bytes, Aborted);
        _http.Response.Close();
    }

    public Task WriteErrorAsync(int status, string code, string message, int? retryAfterSeconds = null)
    {
        if (retryAfterSeconds is { } seconds)
        {
            _http.Response.AddHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return WriteJsonAsync(new JsonObject { ["message"] = message, ["code"] = code, ["requestId"] = RequestId }, status);
    }

    public void WriteNoContent()
    {
        Start(204, null);
        _http.Response.ContentLength64 = 0;
        MarkFinished();
        _http.Response.Close();
    }

    /// <summary>Starts a 200 chunked body for large content, e.g. a 50,000-row export; the caller ends it with <see cref="Complete"/>.</summary>
    public Stream StartStream(string contentType)
    {
        Start(200, contentType);
        _http.Response.SendChunked = true;
        return _http.Response.OutputStream;
    }

    public void Complete()
    {
        MarkFinished();
        _http.Response.Close();
    }

    /// <summary>Called once when the answer is complete, just before its last bytes leave (see <see cref="MarkFinished"/>).</summary>
    public Action? Finished { get; set; }

    /// <summary>
    /// Reports the request finished, once: before its last bytes are sent, so that a client that read the last byte and
    /// sent its next request is never counted as having two in flight.
    /// </summary>
    public void MarkFinished()
    {
        if (Interlocked.Exchange(ref _finished, 1) == 0)
        {
            Finished?.Invoke();
        }
    }

    /// <summary>Drops the connection without (the rest of) a response.</summary>
    public void Abort()
    {
        Dropped = true;
        Commit();
        ConnectionDropper.Drop(_http);
    }

    /// <summary>Reports the request to the log; only the first call counts.</summary>
    public void Commit()
    {
        if (Interlocked.Increment(ref _commitCount) == 1)
        {
            _committed(this);
        }
    }

    public async Task<string> ReadBodyAsync()
    {
        using var reader = new StreamReader(_http.Request.InputStream, _http.Request.ContentEncoding ?? Encoding.UTF8);
        var body = new StringBuilder();
        char[] buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), Aborted)) > 0)
        {
            body.Append(buffer, 0, read);
            if (body.Length > MaxBodyChars)
            {
                throw ApiException.BadRequest("Request body too large.");
            }
        }

        return body.ToString();
    }

    private void Start(int status, string? contentType)
    {
        Status = status;
        _http.Response.StatusCode = status;
        if (contentType is not null)
        {
            _http.Response.ContentType = contentType;
        }

        Commit();
    }
}
