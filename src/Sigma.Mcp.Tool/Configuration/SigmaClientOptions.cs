namespace Sigma.Mcp.Tool.Configuration;

/// <summary>How to reach one Sigma organization's REST API.</summary>
internal sealed record SigmaClientOptions
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

    /// <summary>Shown in diagnostics instead of the secret.</summary>
    public override string ToString() => CredentialsSecretId is { } secretId
        ? $"{BaseUrl} (credentials from Secrets Manager secret {secretId})"
        : $"{BaseUrl} (client id {ClientId}, secret {(ClientSecret.Length > 0 ? "set" : "not set")})";
}
