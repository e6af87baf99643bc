using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Aws;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// The bearer tokens held in the Secrets Manager secret <c>SIGMA_MCP_HTTP_TOKENS_SECRET_ID</c> (format:
/// <see cref="HttpTokenSecretValue"/>). Read at start (<see cref="LoadAsync"/>); re-read when a token that is not in
/// it is presented, at most once per <see cref="HttpServerSettings.TokensSecretReloadInterval"/>, so that a rotated
/// token works without a restart and a flood of bad tokens costs at most one read a minute. A failed re-read keeps the
/// tokens read before. Thread-safe; holds hashes only.
/// </summary>
internal sealed partial class HttpTokenSecret : IDisposable
{
    private readonly SecretsManagerSecret _secret;
    private readonly TimeSpan _reloadInterval;
    private readonly TimeProvider _time;
    private readonly ILogger<HttpTokenSecret> _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile BearerTokens _tokens = new(Array.Empty<string>());
    private long _lastReadAt = long.MinValue;

    public HttpTokenSecret(HttpServerSettings http, TimeProvider time, ILogger<HttpTokenSecret> logger)
        : this(new SecretsManagerSecret(
            () => SecretsManagerSecret.CreateClient(http.TokensSecretId!, SettingNames.HttpTokensSecretId, http.AwsRegion, http.AwsProfile),
            ownsClient: true, http.TokensSecretId!, SettingNames.HttpTokensSecretId, HttpTokenSecretValue.ExampleValue),
            http.TokensSecretReloadInterval, time, logger)
    {
    }

    public HttpTokenSecret(SecretsManagerSecret secret, TimeSpan reloadInterval, TimeProvider time, ILogger<HttpTokenSecret> logger)
    {
        _secret = secret;
        _reloadInterval = reloadInterval;
        _time = time;
        _logger = logger;
    }

    /// <summary>The tokens read last.</summary>
    public BearerTokens Current => _tokens;

    /// <summary>Reads the secret (at start).</summary>
    /// <exception cref="ConfigurationException">It could not be read, or holds no valid token; the inner exception, if any, is AWS's.</exception>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            _lastReadAt = _time.GetTimestamp();
            _tokens = await ReadAsync(cancellationToken);
            LogRead(_logger, _secret.SecretId, _tokens.Count);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// The name of the token <paramref name="presented"/>, or null when the secret does not hold it, even after a re-read
    /// (made only when the last read is at least the reload interval old).
    /// </summary>
    public async ValueTask<string?> FindAsync(string presented, CancellationToken cancellationToken)
    {
        var seen = _tokens;
        if (NameOf(seen, presented) is { } name)
        {
            return name;
        }

        if (!ReloadDue())
        {
            return null;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(seen, _tokens))
            {
                return NameOf(_tokens, presented); // another request re-read the secret while this one waited
            }

            if (!ReloadDue())
            {
                return null;
            }

            // Counted before the read, so that failing reads are not retried more often either.
            _lastReadAt = _time.GetTimestamp();
            try
            {
                _tokens = await ReadAsync(cancellationToken);
                LogReloaded(_logger, _secret.SecretId, _tokens.Count);
            }
            catch (ConfigurationException ex)
            {
                LogReloadFailed(_logger, _secret.SecretId, ex.Message);
                return null;
            }

            return NameOf(_tokens, presented);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        _secret.Dispose();
    }

    private static string? NameOf(BearerTokens tokens, string presented) =>
        tokens.Find(presented) is var position and >= 0 ? "secret:" + tokens.Name(position) : null;

    private bool ReloadDue() => _lastReadAt == long.MinValue || _time.GetElapsedTime(_lastReadAt) >= _reloadInterval;

    private async Task<BearerTokens> ReadAsync(CancellationToken cancellationToken)
    {
        var value = await _secret.ReadAsync(cancellationToken);
        var tokens = HttpTokenSecretValue.TryParse(value, out var problem)
            ?? throw new ConfigurationException(SettingNames.HttpTokensSecretId,
                $"The Secrets Manager secret '{_secret.SecretId}' (SIGMA_MCP_HTTP_TOKENS_SECRET_ID) in region {_secret.Region} does not hold bearer tokens: {problem}. " +
                $"Store a JSON object of client names to tokens, e.g. `aws secretsmanager put-secret-value --secret-id {_secret.SecretId} --secret-string '{HttpTokenSecretValue.ExampleValue}'` " +
                "(a JSON array of tokens, or tokens separated by commas, also work).");
        return new BearerTokens(tokens);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} bearer token(s) from Secrets Manager secret '{SecretId}'")]
    private static partial void LogRead(ILogger logger, string secretId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "An unknown bearer token was presented; re-read Secrets Manager secret '{SecretId}': {Count} token(s)")]
    private static partial void LogReloaded(ILogger logger, string secretId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not re-read Secrets Manager secret '{SecretId}'; keeping the tokens read before: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string secretId, string reason);
}
