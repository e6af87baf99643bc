using System.Net;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>
/// Sigma answered a request with an error status, or could not be reached. Carries what Sigma said
/// (status, <c>code</c>, <c>message</c>, <c>requestId</c>) and which call failed (method and path, never headers,
/// query secrets or tokens), plus a hint that names the likely fix. The message is safe to show to a user or a model.
/// </summary>
internal sealed class SigmaApiException : Exception
{
    public SigmaApiException(HttpStatusCode? status, string? errorCode, string? sigmaMessage, string? requestId, string method, string path, Exception? innerException = null)
        : base(Compose(status, errorCode, sigmaMessage, requestId, method, path), innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        SigmaMessage = sigmaMessage;
        RequestId = requestId;
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP status, or null when no response arrived (network failure, timeout).</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>Sigma's machine-readable <c>code</c>, e.g. <c>unauthorized</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>Sigma's own <c>message</c>.</summary>
    public string? SigmaMessage { get; }

    /// <summary>Sigma's <c>requestId</c>, for Sigma support.</summary>
    public string? RequestId { get; }

    public string Method { get; }

    public string Path { get; }

    /// <summary>What the user should do next, by status.</summary>
    public string Hint => HintFor(Status, Path);

    private static string Compose(HttpStatusCode? status, string? code, string? message, string? requestId, string method, string path)
    {
        var what = status is { } s ? $"Sigma API {method} {path} failed with {(int)s} {s}" : $"Sigma API {method} {path} got no response";
        message = message?.TrimEnd().TrimEnd('.'); // the sentence ends below, once: no ".."
        var detail = (code, message) switch
        {
            (null, null) => "",
            (null, _) => $": {message}",
            (_, null) => $" ({code})",
            _ => $" ({code}): {message}",
        };
        var id = requestId is null ? "" : $" [requestId {requestId}]";
        return $"{what}{detail}{id}. {HintFor(status, path)}";
    }

    private static string HintFor(HttpStatusCode? status, string path) => status switch
    {
        HttpStatusCode.Unauthorized when path.EndsWith("auth/token", StringComparison.Ordinal) =>
            "Check SIGMA_CLIENT_ID and SIGMA_CLIENT_SECRET (or the secret named by SIGMA_CREDENTIALS_SECRET_ID), and that SIGMA_BASE_URL is your organization's regional API host (credentials only work on their own region).",
        HttpStatusCode.Unauthorized => "The access token was refused; check the credentials and that SIGMA_BASE_URL is your organization's regional API host.",
        HttpStatusCode.Forbidden => "The API credentials' user lacks access to this; ask a Sigma admin to grant it or use credentials of a user who has it.",
        HttpStatusCode.NotFound => "The id may be wrong, or SIGMA_BASE_URL may be the wrong regional host for your organization (a wrong regional host also answers 404).",
        HttpStatusCode.TooManyRequests => "Sigma is rate limiting; wait a minute and retry, or lower SIGMA_MCP_MAX_CONCURRENCY.",
        >= HttpStatusCode.InternalServerError => "Sigma had a server error; retry later.",
        null => "Check the network and SIGMA_BASE_URL.",
        _ => "Check the request's arguments.",
    };
}
