using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sigma.Mcp.Tool.SigmaApi.Credentials;
using Sigma.Mcp.Tool.SigmaApi.Http;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.SigmaApi.Auth;

/// <summary>
/// Holds the client-credentials access token: fetched on first use, reused until shortly before it expires,
/// renewed by exactly one caller however many are waiting (a failed renewal fails those waiting for it), and never requested more than once a second
/// (Sigma's published limit on <c>/v2/auth/token</c>). The client id and secret come from <paramref name="credentials"/>;
/// when Sigma refuses them, newer ones from that source (a rotated secret) are tried once. Thread-safe.
/// </summary>
internal sealed partial class SigmaTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<SigmaClientOptions> options,
    ISigmaCredentialSource credentials,
    TimeProvider time,
    ILogger<SigmaTokenProvider> logger) : IDisposable
{
    public const string HttpClientName = "sigma-auth";
    private const string TokenPath = "/v2/auth/token";
    private static readonly TimeSpan s_minimumInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_assumedLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How long a token request that got no response (DNS, refused, TLS, timeout) answers for the next ones.</summary>
    private static readonly TimeSpan s_unreachableMemory = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private volatile AccessToken? _current;
    private DateTimeOffset _lastRequestAt = DateTimeOffset.MinValue;
    private SigmaApiException? _lastFailure;
    private DateTimeOffset _lastFailureAt;
    private int _renewals;

    /// <summary>A token valid now. Waits for a renewal in progress rather than starting a second one.</summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } token && !token.NeedsRenewal(time.GetUtcNow()))
        {
            return token.Value;
        }

        var renewalsSeen = Volatile.Read(ref _renewals);
        await _renewal.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && !fresh.NeedsRenewal(time.GetUtcNow()))
            {
                return fresh.Value;
            }

            // A renewal that failed while this caller waited is its answer too, and so is a host that could not be
            // reached moments ago: another request to it would only double the wait.
            if (_lastFailure is { } e && (_renewals != renewalsSeen || (e.Status is null && time.GetUtcNow() - _lastFailureAt < s_unreachableMemory)))
            {
                throw new SigmaApiException(e.Status, e.ErrorCode, e.SigmaMessage, e.RequestId, e.Method, e.Path, e.InnerException);
            }

            _lastFailure = null;
            try
            {
                var renewed = await RequestTokenAsync(cancellationToken);
                _current = renewed;
                return renewed.Value;
            }
            catch (SigmaApiException ex)
            {
                _lastFailure = ex;
                _lastFailureAt = time.GetUtcNow();
                throw;
            }
            finally
            {
                Interlocked.Increment(ref _renewals);
            }
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>
    /// Sigma refused <paramref name="rejected"/> (401): forget it so that the next caller renews. A token that
    /// was already replaced is left alone, so fifty callers refused at once still cause one renewal.
    /// </summary>
    public void Invalidate(string rejected)
    {
        if (_current is { } token && token.Value == rejected)
        {
            _current = null;
        }
    }

    public void Dispose() => _renewal.Dispose();

    private async Task<AccessToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var current = await credentials.GetAsync(cancellationToken);
        try
        {
            return await RequestTokenAsync(current, cancellationToken);
        }
        catch (SigmaApiException ex) when (ex.Status == HttpStatusCode.Unauthorized)
        {
            // Refused credentials: a rotated secret may hold new ones. One more try with those, never a loop.
            var reloaded = await credentials.ReloadAfterRejectionAsync(current, cancellationToken);
            if (reloaded is null)
            {
                LogCredentialsRefused(logger, credentials.Description);
                throw;
            }

            return await RequestTokenAsync(reloaded, cancellationToken);
        }
    }

    private async Task<AccessToken> RequestTokenAsync(SigmaCredentials client, CancellationToken cancellationToken)
    {
        var wait = _lastRequestAt + s_minimumInterval - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        _lastRequestAt = time.GetUtcNow();
        var settings = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
        });

        var http = httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(new Uri(settings.BaseUrl, TokenPath), form, cancellationToken);
        }
        catch (Exception ex) when (NetworkFailure.IsNoResponse(ex, cancellationToken))
        {
            throw SigmaResponses.NoResponse(HttpMethod.Post, TokenPath, settings.BaseUrl, ex);
        }

        using (response)
        {
            await SigmaResponses.EnsureSuccessAsync(response, cancellationToken);
            var body = await SigmaResponses.ReadJsonAsync(response, SigmaJsonContext.Default.TokenResponse, cancellationToken);
            // Sigma sends expires_in (3600 s); without it, assume a short life rather than reuse a token until it is refused.
            var lifetime = body.ExpiresIn is > 0 and var seconds ? seconds : (int)s_assumedLifetime.TotalSeconds;
            var token = new AccessToken(body.AccessToken, time.GetUtcNow(), TimeSpan.FromSeconds(lifetime));
            LogTokenRenewed(logger, lifetime);
            return token;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sigma refused the API credentials from {Source} (401 from /v2/auth/token)")]
    private static partial void LogCredentialsRefused(ILogger logger, string source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sigma access token renewed; valid for {ExpiresInSeconds} s")]
    private static partial void LogTokenRenewed(ILogger logger, int expiresInSeconds);
}
