using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>How to reach one Sigma organization's REST API: <see cref="From"/> reads and validates it from the settings.</summary>
internal sealed partial record SigmaClientOptions
{
    /// <summary>The regional API host, normalised to have no <c>/v2</c> and no trailing slash. Default <c>https://api.sigmacomputing.com</c>.</summary>
    public Uri BaseUrl { get; init; } = new(SigmaBaseUrl.Default);

    /// <summary>The API client id (Administration → Developer Access).</summary>
    public string ClientId { get; init; } = "";

    /// <summary>The API client secret. Never printed, logged or put in an exception message.</summary>
    public string ClientSecret { get; init; } = "";

    /// <summary>
    /// A Secrets Manager secret (name or ARN) holding <c>{"clientId","clientSecret"}</c>, read through SSM Parameter Store;
    /// when set, <see cref="ClientId"/> and <see cref="ClientSecret"/> are empty and unused. Default: not set.
    /// </summary>
    public string? CredentialsSecretId { get; init; }

    /// <summary>The AWS region of <see cref="CredentialsSecretId"/>, when set explicitly; otherwise the AWS SDK's own resolution.</summary>
    public string? AwsRegion { get; init; }

    /// <summary>The AWS profile that reads <see cref="CredentialsSecretId"/>, when set explicitly.</summary>
    public string? AwsProfile { get; init; }

    /// <summary>Most requests in flight to Sigma at once from this process. Default 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// Retries of a request that met a 429, 502, 503, 504 or a network error. Default 6. A refused connection and a
    /// timed-out attempt are retried once at most, a name that does not resolve and a TLS failure never.
    /// </summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>The first retry's back-off (doubling, jittered) when Sigma sends no <c>Retry-After</c>. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest one attempt may take to get response headers. Default 8 s: Sigma answers in well under a second, and
    /// a host that accepts connections but never answers (a proxy that swallows them) must fail within a tool call's patience.
    /// </summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>The longest one request may take, retries and <c>Retry-After</c> waits included. Default 2 min.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>True when the organization is the built-in sandbox rather than a real Sigma.</summary>
    public bool IsSandbox { get; init; }

    /// <summary>Shown in diagnostics instead of the secret.</summary>
    public override string ToString() => CredentialsSecretId is { } secretId
        ? $"{BaseUrl} (credentials from Secrets Manager secret {secretId})"
        : $"{BaseUrl} (client id {ClientId}, secret {(ClientSecret.Length > 0 ? "set" : "not set")})";

    /// <summary>
    /// The options the settings give. Credentials are required only when <paramref name="requireCredentials"/> (the
    /// command talks to Sigma); in the <paramref name="isSandbox"/> a credentials secret is ignored, so that the
    /// sandbox's own credentials apply.
    /// </summary>
    /// <exception cref="ConfigurationException">A setting is missing or malformed.</exception>
    public static SigmaClientOptions From(IConfiguration configuration, bool requireCredentials, bool isSandbox = false)
    {
        var options = new SigmaClientOptions
        {
            BaseUrl = SigmaBaseUrl.Parse(configuration.Setting(SettingNames.BaseUrl) ?? SigmaBaseUrl.Default),
            ClientId = configuration.Setting(SettingNames.ClientId) ?? "",
            ClientSecret = configuration.Setting(SettingNames.ClientSecret) ?? "",
            CredentialsSecretId = isSandbox ? null : configuration.Setting(SettingNames.CredentialsSecretId),
            AwsRegion = configuration.AwsRegion(),
            AwsProfile = configuration.Setting(SettingNames.AwsProfile),
            MaxConcurrency = configuration.Int(SettingNames.MaxConcurrency, 8, 1, 64),
            IsSandbox = isSandbox,
        };

        if (options.CredentialsSecretId is not null)
        {
            options.ValidateCredentialsSecret();
        }
        else if (requireCredentials)
        {
            options.RequireCredentials();
        }

        return options;
    }

    private void RequireCredentials()
    {
        const string Where = "Create API credentials in Sigma (Administration → Developer Access)";
        if (ClientId.Length == 0)
        {
            throw new ConfigurationException(SettingNames.ClientId,
                $"SIGMA_CLIENT_ID is not set. {Where}, then set SIGMA_CLIENT_ID in the environment or a .env file (or pass --client-id). To try sigma-mcp without an account, add --sandbox.");
        }

        if (ClientSecret.Length == 0)
        {
            throw new ConfigurationException(SettingNames.ClientSecret,
                $"SIGMA_CLIENT_SECRET is not set. {Where}, then set SIGMA_CLIENT_SECRET in the environment or a .env file (it is not accepted on the command line, to keep it out of shell history).");
        }
    }

    private void ValidateCredentialsSecret()
    {
        if (!SecretIdPattern().IsMatch(CredentialsSecretId!))
        {
            throw new ConfigurationException(SettingNames.CredentialsSecretId,
                $"SIGMA_CREDENTIALS_SECRET_ID '{CredentialsSecretId}' is not a Secrets Manager secret name or ARN (letters, digits and /_+=.@:- only).");
        }

        if (ClientId.Length > 0 || ClientSecret.Length > 0)
        {
            throw new ConfigurationException(SettingNames.CredentialsSecretId,
                "SIGMA_CREDENTIALS_SECRET_ID is set, and so is SIGMA_CLIENT_ID or SIGMA_CLIENT_SECRET: set one or the other. The secret holds both " +
                "the client id and the client secret.");
        }

        if (AwsRegion is { } region && !SettingReader.IsAwsRegionName(region))
        {
            throw new ConfigurationException(SettingNames.AwsRegion,
                $"AWS_REGION '{region}' is not an AWS region name. Use one like us-east-1 or eu-west-2 (the region of the secret in SIGMA_CREDENTIALS_SECRET_ID).");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9/_+=.@:-]{1,2048}$")]
    private static partial Regex SecretIdPattern();
}
