using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sigma.Mcp.Tool.SigmaApi.Http;
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
        var isPage = IsWebPage(response);
        if (!isPage)
        {
            try
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                body = JsonSerializer.Deserialize(text, SigmaJsonContext.Default.SigmaErrorBody);
            }
            catch (JsonException)
            {
                // Not Sigma's JSON: the status alone must do.
            }
        }

        var requestId = body?.RequestId
            ?? (response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null);
        throw new SigmaApiException(response.StatusCode, body?.Code ?? (isPage ? NetworkFailure.NotJson : null),
            body?.Message ?? (isPage ? $"{Host(request)} answered with a web page, not Sigma's JSON" : null), requestId,
            request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?");
    }

    /// <summary>
    /// The body as <typeparamref name="T"/>; a body that is not JSON (an HTML page from a proxy, a captive portal or
    /// throttling) or not the expected shape is an <see cref="SigmaApiException"/> that says so, never a <see cref="JsonException"/>.
    /// </summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        EnsureNotWebPage(response);
        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken)
                ?? throw InvalidResponse(response, "invalid_response", "an empty body");
        }
        catch (JsonException ex)
        {
            throw InvalidResponse(response, NetworkFailure.NotJson, $"a body that is not the expected JSON ({ex.Message})");
        }
    }

    /// <summary>Throws when the response is an HTML page rather than the JSON it should be.</summary>
    public static void EnsureNotWebPage(HttpResponseMessage response)
    {
        if (IsWebPage(response))
        {
            throw InvalidResponse(response, NetworkFailure.NotJson, $"a web page ({response.Content.Headers.ContentType?.MediaType}), not JSON");
        }
    }

    public static SigmaApiException InvalidResponse(HttpResponseMessage response, string code, string what) =>
        new(response.StatusCode, code, $"{Host(response.RequestMessage)} answered with {what}", null,
            response.RequestMessage?.Method.Method ?? "GET", response.RequestMessage?.RequestUri?.AbsolutePath ?? "?");

    /// <summary>A request that got no response at all (DNS, refused connection, TLS, timeout), named by its kind and host.</summary>
    public static SigmaApiException NoResponse(HttpMethod method, string path, Uri? baseUrl, Exception cause)
    {
        var host = baseUrl?.Authority ?? "the Sigma API host";
        var kind = NetworkFailure.Classify(cause);
        return new(null, kind, NetworkFailure.Describe(kind, host, cause), null, method.Method, path, cause);
    }

    private static bool IsWebPage(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type
        && type.Contains("html", StringComparison.OrdinalIgnoreCase);

    private static string Host(HttpRequestMessage? request) => request?.RequestUri?.Authority ?? "Sigma";
}
