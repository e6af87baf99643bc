namespace Sigma.Mcp.Tool.Configuration;

/// <summary>
/// The names of every setting, as environment variables, <c>.env</c> keys and configuration keys alike.
/// The first five are the original TypeScript server's names and must keep working.
/// </summary>
internal static class SettingNames
{
    public const string BaseUrl = "SIGMA_BASE_URL";
    public const string ClientId = "SIGMA_CLIENT_ID";
    public const string ClientSecret = "SIGMA_CLIENT_SECRET";
    public const string UseLocalCache = "USE_LOCAL_CACHE";
    public const string TableName = "CACHE_TABLE_NAME";

    public const string Cache = "SIGMA_MCP_CACHE";
    public const string CachePath = "SIGMA_MCP_CACHE_PATH";
    public const string LogLevel = "SIGMA_MCP_LOG_LEVEL";
    public const string MaxConcurrency = "SIGMA_MCP_MAX_CONCURRENCY";
    public const string CachePollInterval = "SIGMA_MCP_CACHE_POLL_INTERVAL";
    public const string RefreshLease = "SIGMA_MCP_REFRESH_LEASE";

    // Tool switches and the result budget (serve)
    public const string ReadOnly = "SIGMA_MCP_READ_ONLY";
    public const string Tools = "SIGMA_MCP_TOOLS";
    public const string DisabledTools = "SIGMA_MCP_DISABLED_TOOLS";
    public const string ResultTokens = "SIGMA_MCP_RESULT_TOKENS";

    // serve --http
    public const string HttpUrls = "SIGMA_MCP_URLS";
    public const string HttpTokens = "SIGMA_MCP_HTTP_TOKENS";
    public const string AllowedHosts = "SIGMA_MCP_ALLOWED_HOSTS";
    public const string CorsOrigins = "SIGMA_MCP_CORS_ORIGINS";
    public const string RefreshInterval = "SIGMA_MCP_REFRESH_INTERVAL";
    public const string RateLimit = "SIGMA_MCP_RATE_LIMIT";
    public const string HttpTokensSecretId = "SIGMA_MCP_HTTP_TOKENS_SECRET_ID";

    /// <summary>Tests only: the shortest time between two re-reads of the tokens secret (default 1 minute).</summary>
    public const string HttpTokensSecretReloadInterval = "SIGMA_MCP_HTTP_TOKENS_SECRET_RELOAD_INTERVAL";
    public const string TrustedProxies = "SIGMA_MCP_TRUSTED_PROXIES";

    // serve --http with OAuth (team mode)
    public const string OAuthAuthority = "SIGMA_MCP_OAUTH_AUTHORITY";
    public const string PublicUrl = "SIGMA_MCP_PUBLIC_URL";
    public const string OAuthAudience = "SIGMA_MCP_OAUTH_AUDIENCE";
    public const string OAuthScope = "SIGMA_MCP_OAUTH_SCOPE";
    public const string OAuthEmailClaim = "SIGMA_MCP_OAUTH_EMAIL_CLAIM";
    public const string MemberAccessTtl = "SIGMA_MCP_MEMBER_ACCESS_TTL";

    public const string AwsRegion = "AWS_REGION";
    public const string AwsDefaultRegion = "AWS_DEFAULT_REGION";
    public const string AwsProfile = "AWS_PROFILE";
    public const string DynamoDbEndpoint = "AWS_ENDPOINT_URL_DYNAMODB";

    /// <summary>A Secrets Manager secret holding <c>{"clientId","clientSecret"}</c>, used instead of SIGMA_CLIENT_ID and SIGMA_CLIENT_SECRET.</summary>
    public const string CredentialsSecretId = "SIGMA_CREDENTIALS_SECRET_ID";
}
