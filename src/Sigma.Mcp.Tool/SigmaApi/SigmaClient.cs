using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>
/// Sigma's REST API v2, typed. Authentication is added by <see cref="Auth.SigmaAuthenticationHandler"/> in the
/// HTTP pipeline; every failure surfaces as <see cref="SigmaApiException"/>. Thread-safe; split into partial files by area.
/// </summary>
internal sealed partial class SigmaClient(HttpClient http)
{
    /// <summary>The API host this client talks to.</summary>
    public Uri? BaseUrl => http.BaseAddress;

    /// <summary><c>GET /v2/whoami</c>: the user and organization the credentials act as.</summary>
    public Task<WhoAmI> GetWhoAmIAsync(CancellationToken cancellationToken = default) =>
        GetAsync("v2/whoami", SigmaJsonContext.Default.WhoAmI, cancellationToken);

    private async Task<T> GetAsync<T>(string relativePath, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, relativePath, content: null, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken)
                ?? throw InvalidResponse(response, "an empty body");
        }
        catch (JsonException ex)
        {
            throw InvalidResponse(response, $"malformed JSON ({ex.Message})");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativePath, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, relativePath) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw SigmaResponses.NoResponse(method, "/" + relativePath.Split('?')[0], ex);
        }

        try
        {
            await SigmaResponses.EnsureSuccessAsync(response, cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static SigmaApiException InvalidResponse(HttpResponseMessage response, string what) =>
        new(response.StatusCode, "invalid_response", $"Sigma answered with {what}.", null,
            response.RequestMessage?.Method.Method ?? "GET", response.RequestMessage?.RequestUri?.AbsolutePath ?? "?");
}
