using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Aws;

/// <summary>
/// One Secrets Manager secret, read through SSM Parameter Store's <c>/aws/reference/secretsmanager/</c> path
/// (AWSSDK.SecretsManager is not available to this build; the reference path needs the same IAM actions plus
/// <c>ssm:GetParameter</c>). Shared by the Sigma credentials (<c>SecretsManagerCredentialSource</c>) and the
/// HTTP bearer tokens, so that both build the client and explain AWS errors the same way. Not thread-safe: callers
/// serialise reads.
/// </summary>
internal sealed class SecretsManagerSecret : IDisposable
{
    public const string ReferencePrefix = "/aws/reference/secretsmanager/";

    private readonly Func<IAmazonSimpleSystemsManagement> _createClient;
    private readonly bool _ownsClient;
    private IAmazonSimpleSystemsManagement? _ssm;

    /// <param name="createClient">Called on the first read, so that a missing region or identity is that read's error.</param>
    /// <param name="ownsClient">Whether <see cref="Dispose"/> disposes the client.</param>
    /// <param name="secretId">The secret's name or ARN (the reference path is accepted too).</param>
    /// <param name="settingName">The setting that named the secret, for messages.</param>
    /// <param name="exampleValue">What the secret should hold, for the <c>put-secret-value</c> hint in messages.</param>
    public SecretsManagerSecret(Func<IAmazonSimpleSystemsManagement> createClient, bool ownsClient, string secretId, string settingName, string exampleValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretId);
        _createClient = createClient;
        _ownsClient = ownsClient;
        SettingName = settingName;
        ExampleValue = exampleValue;
        SecretId = secretId.StartsWith(ReferencePrefix, StringComparison.Ordinal) ? secretId[ReferencePrefix.Length..] : secretId;
    }

    /// <summary>The secret's name (or ARN) in Secrets Manager.</summary>
    public string SecretId { get; }

    /// <summary>The setting that named the secret, e.g. <c>SIGMA_CREDENTIALS_SECRET_ID</c>.</summary>
    public string SettingName { get; }

    /// <summary>An example of the value the secret holds (never a real one).</summary>
    public string ExampleValue { get; }

    /// <summary>The Parameter Store name that refers to the secret.</summary>
    public string ParameterName => ReferencePrefix + SecretId;

    /// <summary>The client's region, for messages.</summary>
    public string Region => _ssm?.Config.RegionEndpoint?.SystemName ?? _ssm?.Config.AuthenticationRegion ?? "(the AWS SDK's default)";

    /// <summary>The secret's current value (null when Parameter Store returned none).</summary>
    /// <exception cref="ConfigurationException">AWS refused or failed the read; the message says what to do and never holds the value. Its inner exception is AWS's.</exception>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ssm ??= _createClient();
            var response = await _ssm.GetParameterAsync(new GetParameterRequest { Name = ParameterName, WithDecryption = true }, cancellationToken);
            return response.Parameter?.Value;
        }
        catch (Exception ex) when (SecretsManagerErrors.Explain(ex, this) is { } explained)
        {
            throw explained;
        }
    }

    public void Dispose()
    {
        if (_ownsClient)
        {
            _ssm?.Dispose();
        }
    }

    /// <summary>
    /// A client for <paramref name="region"/> and <paramref name="profile"/> when set, otherwise the AWS SDK's own chains
    /// (on Lambda: the function's region and role; <c>AWS_ENDPOINT_URL_SSM</c> points it elsewhere, as for tests).
    /// Credentials are resolved on the first request.
    /// </summary>
    /// <exception cref="ConfigurationException">No region could be found.</exception>
    public static IAmazonSimpleSystemsManagement CreateClient(string secretId, string settingName, string? region, string? profile)
    {
        var config = new AmazonSimpleSystemsManagementConfig();
        if (AwsRegion.Apply(config, region, profile) is null && config.RegionEndpoint is null)
        {
            throw new ConfigurationException(SettingNames.AwsRegion,
                $"No AWS region for the Secrets Manager secret '{secretId}' ({settingName}). Set AWS_REGION (e.g. us-east-1) to the secret's region, " +
                "or a region in your AWS profile.");
        }

        return new AmazonSimpleSystemsManagementClient(config);
    }
}
