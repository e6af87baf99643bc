using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Aws;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.SigmaApi.Credentials;

/// <summary>
/// The credentials in a Secrets Manager secret (<c>SIGMA_CREDENTIALS_SECRET_ID</c>) holding
/// <c>{"clientId","clientSecret"}</c>, read through SSM Parameter Store's <c>/aws/reference/secretsmanager/</c> path
/// (AWSSDK.SecretsManager is not available to this build; the reference path needs the same IAM actions plus
/// <c>ssm:GetParameter</c>). Read on first use and cached; re-read when Sigma refuses them (a rotation), at most once per
/// refusal and never more than once per <see cref="MinimumReloadInterval"/>. Thread-safe.
/// </summary>
internal sealed partial class SecretsManagerCredentialSource : ISigmaCredentialSource, IDisposable
{
    public const string ReferencePrefix = SecretsManagerSecret.ReferencePrefix;

    /// <summary>A rotation takes effect within a minute; re-reading more often would only spend SSM calls.</summary>
    public static readonly TimeSpan MinimumReloadInterval = TimeSpan.FromMinutes(1);

    private readonly SecretsManagerSecret _secret;
    private readonly TimeProvider _time;
    private readonly ILogger<SecretsManagerCredentialSource> _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile SigmaCredentials? _current;
    private DateTimeOffset? _lastReloadAt;

    /// <summary>Reads through <paramref name="ssm"/>, which the caller owns.</summary>
    public SecretsManagerCredentialSource(IAmazonSimpleSystemsManagement ssm, string secretId, TimeProvider time, ILogger<SecretsManagerCredentialSource> logger)
        : this(() => ssm, ownsClient: false, secretId, time, logger)
    {
    }

    /// <summary>
    /// Creates its client with <paramref name="createClient"/> on first use, so that a missing region or AWS credentials
    /// surface as that read's error rather than at start-up; disposes it.
    /// </summary>
    public SecretsManagerCredentialSource(Func<IAmazonSimpleSystemsManagement> createClient, string secretId, TimeProvider time, ILogger<SecretsManagerCredentialSource> logger)
        : this(createClient, ownsClient: true, secretId, time, logger)
    {
    }

    private SecretsManagerCredentialSource(
        Func<IAmazonSimpleSystemsManagement> createClient, bool ownsClient, string secretId, TimeProvider time, ILogger<SecretsManagerCredentialSource> logger)
    {
        _secret = new SecretsManagerSecret(createClient, ownsClient, secretId, SettingNames.CredentialsSecretId, CredentialSecretJson.ExpectedShape);
        _time = time;
        _logger = logger;
    }

    /// <summary>The secret's name (or ARN) in Secrets Manager.</summary>
    public string SecretId => _secret.SecretId;

    /// <summary>The Parameter Store name that refers to the secret.</summary>
    public string ParameterName => _secret.ParameterName;

    public string Description => $"Secrets Manager secret '{SecretId}'";

    public async ValueTask<SigmaCredentials> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } cached)
        {
            return cached;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } read)
            {
                return read;
            }

            var credentials = await ReadAsync(cancellationToken);
            _current = credentials;
            LogRead(_logger, SecretId, credentials.ClientId);
            return credentials;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<SigmaCredentials?> ReloadAfterRejectionAsync(SigmaCredentials rejected, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current && current != rejected)
            {
                return current; // another caller re-read the secret while this one waited
            }

            var now = _time.GetUtcNow();
            if (_lastReloadAt is { } last && now - last < MinimumReloadInterval)
            {
                LogReloadSkipped(_logger, SecretId, (int)MinimumReloadInterval.TotalSeconds);
                return null;
            }

            // Counted before the read, so that failing reads are not retried more often either.
            _lastReloadAt = now;
            var fresh = await ReadAsync(cancellationToken);
            _current = fresh;
            if (fresh == rejected)
            {
                LogReloadedUnchanged(_logger, SecretId);
                return null;
            }

            LogReloaded(_logger, SecretId, fresh.ClientId);
            return fresh;
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

    private async Task<SigmaCredentials> ReadAsync(CancellationToken cancellationToken)
    {
        var value = await _secret.ReadAsync(cancellationToken);
        return CredentialSecretJson.TryParse(value, out var problem) ?? throw CredentialSecretJson.Malformed(SecretId, _secret.Region, problem);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read the Sigma API credentials (client id {ClientId}) from Secrets Manager secret '{SecretId}'")]
    private static partial void LogRead(ILogger logger, string secretId, string clientId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sigma refused the credentials from Secrets Manager secret '{SecretId}'; re-read it and found new ones (client id {ClientId})")]
    private static partial void LogReloaded(ILogger logger, string secretId, string clientId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sigma refused the credentials from Secrets Manager secret '{SecretId}', and the secret still holds them: put the current client id and secret in it")]
    private static partial void LogReloadedUnchanged(ILogger logger, string secretId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Sigma refused the credentials from Secrets Manager secret '{SecretId}'; not re-reading it, because it was re-read less than {IntervalSeconds} s ago")]
    private static partial void LogReloadSkipped(ILogger logger, string secretId, int intervalSeconds);
}
