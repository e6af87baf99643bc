namespace Sigma.Sandbox.Http;

/// <summary>
/// Thrown by handlers to answer with a Sigma error body <c>{message, code, requestId}</c>. The pipeline turns it into
/// the response; it never escapes the sandbox.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(int status, string code, string message)
        : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }

    public string Code { get; }

    public static ApiException BadRequest(string message) => new(400, "bad_request", message);

    public static ApiException Unauthorized(string message) => new(401, "unauthorized", message);

    public static ApiException NotFound(string message) => new(404, "not_found", message);

    public static ApiException Gone(string message) => new(410, "gone", message);
}
