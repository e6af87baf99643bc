using System.Text.Json;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>Turns Sigma's error responses, and failures to get one, into <see cref="SigmaApiException"/>.</summary>
internal static class SigmaResponses
{
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var request = response.RequestMessage;
        SigmaErrorBody? body = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            body = JsonSerializer.Deserialize(text, SigmaJsonContext.Default.SigmaErrorBody);
        }
        catch (JsonException)
        {
            // Not Sigma's JSON (a proxy's HTML page, say): the status alone must do.
        }

        var requestId = body?.RequestId
            ?? (response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null);
        throw new SigmaApiException(response.StatusCode, body?.Code, body?.Message, requestId,
            request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?");
    }

    /// <summary>A request that got no response at all (DNS, refused connection, timeout).</summary>
    public static SigmaApiException NoResponse(HttpMethod method, string path, Exception cause) =>
        new(null, cause is TaskCanceledException or TimeoutException ? "timeout" : "network_error",
            cause is TaskCanceledException ? "The request timed out." : cause.Message, null, method.Method, path, cause);
}
