using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Sigma.Mcp.Tool.SigmaApi.Http;

/// <summary>
/// Which failed attempts are worth another try, and how soon. Each kind fails at the speed of its cause: a name that
/// does not resolve and a failed TLS handshake are never retried (the next attempt fails the same way); a refused
/// connection and a silent host get one quick retry (a restarting proxy, a dropped connection); Sigma's 429, 502, 503
/// and 504 and other network errors get the full back-off, honouring <c>Retry-After</c>. 500 is not retried: Sigma
/// uses it for permanent answers such as "no lineage for this element".
/// </summary>
internal static class SigmaRetryPolicy
{
    /// <summary>The pause before the one retry of a refused connection or a timed-out attempt.</summary>
    public static readonly TimeSpan QuickRetryDelay = TimeSpan.FromMilliseconds(250);

    public static HttpRetryStrategyOptions Create(SigmaClientOptions options)
    {
        var retry = new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = TimeSpan.FromSeconds(60),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber)),
        };

        // ShouldRetryAfterHeader installed a generator that reads Retry-After; the quick kinds go before it.
        var retryAfter = retry.DelayGenerator;
        retry.DelayGenerator = args => IsQuick(args.Outcome)
            ? ValueTask.FromResult<TimeSpan?>(QuickRetryDelay)
            : retryAfter?.Invoke(args) ?? ValueTask.FromResult<TimeSpan?>(null);
        return retry;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber) => outcome switch
    {
        { Exception: { } exception } => NetworkFailure.Classify(exception) switch
        {
            NetworkFailure.Dns or NetworkFailure.Tls => false,
            NetworkFailure.ConnectionRefused or NetworkFailure.Timeout => attemptNumber == 0,
            _ => exception is HttpRequestException,
        },
        { Result.StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };

    private static bool IsQuick(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception && NetworkFailure.Classify(exception) is NetworkFailure.ConnectionRefused or NetworkFailure.Timeout;
}
