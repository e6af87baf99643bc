using Sigma.Sandbox.Faults;

namespace Sigma.Sandbox;

/// <summary>
/// A failure the sandbox can inject instead of (or before) a normal answer. Create one with the factory methods and
/// hand it to <see cref="SandboxFaults"/>. Immutable, so one instance may be reused.
/// </summary>
public sealed class SandboxFault
{
    private SandboxFault(FaultKind kind, int statusCode, string code, string message)
    {
        Kind = kind;
        StatusCode = statusCode;
        Code = code;
        Message = message;
    }

    /// <summary>The HTTP status answered; 0 for <see cref="DropConnection"/> and <see cref="Delay"/>.</summary>
    public int StatusCode { get; }

    /// <summary>The Sigma error <c>code</c> in the body.</summary>
    public string Code { get; }

    /// <summary>The Sigma error <c>message</c> in the body.</summary>
    public string Message { get; }

    /// <summary>The <c>Retry-After</c> header value in seconds, when one is sent.</summary>
    public int? RetryAfterSeconds { get; private init; }

    /// <summary>How long a <see cref="Delay"/> fault holds the request before answering normally.</summary>
    public TimeSpan DelayBy { get; private init; }

    internal FaultKind Kind { get; }

    /// <summary>429 with <c>Retry-After: <paramref name="retryAfterSeconds"/></c>.</summary>
    public static SandboxFault TooManyRequests(int retryAfterSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retryAfterSeconds);
        return new(FaultKind.Respond, 429, "too_many_requests", "Rate limit exceeded")
        {
            RetryAfterSeconds = retryAfterSeconds,
        };
    }

    /// <summary>503 Service Unavailable.</summary>
    public static SandboxFault ServiceUnavailable() =>
        new(FaultKind.Respond, 503, "service_unavailable", "Service temporarily unavailable");

    /// <summary>502 Bad Gateway.</summary>
    public static SandboxFault BadGateway() => new(FaultKind.Respond, 502, "bad_gateway", "Bad gateway");

    /// <summary>504 Gateway Timeout.</summary>
    public static SandboxFault GatewayTimeout() => new(FaultKind.Respond, 504, "gateway_timeout", "Gateway timeout");

    /// <summary>
    /// Resets the connection without any response. Note that .NET's <c>SocketsHttpHandler</c> silently re-sends a request
    /// up to three times when the connection closes before any response byte, so with <see cref="HttpClient"/> only the
    /// fourth consecutive drop surfaces as an <see cref="HttpRequestException"/> (use <c>FailNext(4, …)</c> or more).
    /// </summary>
    public static SandboxFault DropConnection() => new(FaultKind.Drop, 0, string.Empty, "Connection dropped");

    /// <summary>Any error status with a Sigma error body.</summary>
    public static SandboxFault Status(int code, string sigmaCode, string message)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);
        ArgumentNullException.ThrowIfNull(sigmaCode);
        ArgumentNullException.ThrowIfNull(message);
        return new(FaultKind.Respond, code, sigmaCode, message);
    }

    /// <summary>
    /// An HTML page with <paramref name="statusCode"/> instead of Sigma's JSON, as a proxy, a captive portal or Sigma's
    /// own throttling sometimes answers.
    /// </summary>
    public static SandboxFault WebPage(int statusCode = 200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new(FaultKind.WebPage, statusCode, string.Empty, "<html><head><title>Please wait</title></head><body><h1>Too many requests</h1><p>Please try again later.</p></body></html>");
    }

    /// <summary>Holds the request for <paramref name="delay"/>, then answers it normally.</summary>
    public static SandboxFault Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(FaultKind.Delay, 0, string.Empty, "Delayed") { DelayBy = delay };
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FaultKind.Drop => "DropConnection",
        FaultKind.Delay => $"Delay({DelayBy})",
        FaultKind.WebPage => $"WebPage({StatusCode})",
        _ => $"{StatusCode} {Code}",
    };
}
