using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>Where the document cache lives: <see cref="From"/> reads and validates it from the settings.</summary>
internal sealed partial class CacheOptions
{
    /// <summary>The backend. Default <see cref="CacheBackend.LiteDb"/>.</summary>
    public CacheBackend Backend { get; init; } = CacheBackend.LiteDb;

    /// <summary>The LiteDB file. Default <c>cache.db</c> under the user's local application-data folder.</summary>
    public string LiteDbPath { get; init; } = DefaultLiteDbPath("cache.db");

    /// <summary>The DynamoDB table. Default <c>sigma-mcp-cache</c>.</summary>
    public string TableName { get; init; } = "sigma-mcp-cache";

    /// <summary>The AWS region, when set explicitly; otherwise the AWS SDK's own resolution applies.</summary>
    public string? AwsRegion { get; init; }

    /// <summary>The AWS profile, when set explicitly.</summary>
    public string? AwsProfile { get; init; }

    /// <summary>A DynamoDB-compatible endpoint (e.g. a local test server), when set.</summary>
    public Uri? DynamoDbEndpoint { get; init; }

    /// <summary>
    /// How long a refresh's lease lasts without renewal (renewed every third of it). Default 2 minutes; shorter only
    /// for tests that pause a refresh past its lease.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Where a backend's data lives, for people: a file path or a table.</summary>
    public string Location => Backend == CacheBackend.LiteDb
        ? LiteDbPath
        : $"dynamodb://{TableName}" + (AwsRegion is null ? "" : $" ({AwsRegion})") + (DynamoDbEndpoint is null ? "" : $" at {DynamoDbEndpoint}");

    /// <summary>The name used in output: <c>litedb</c> or <c>dynamodb</c>.</summary>
    public string BackendName => Backend == CacheBackend.LiteDb ? "litedb" : "dynamodb";

    public static string DefaultLiteDbPath(string fileName) => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "sigma-mcp",
        fileName);

    /// <summary>The options the settings give; the <paramref name="isSandbox"/> always gets a LiteDB file of its own.</summary>
    /// <exception cref="ConfigurationException">A setting is malformed (the DynamoDB ones only when DynamoDB is used).</exception>
    public static CacheOptions From(IConfiguration configuration, bool isSandbox = false)
    {
        var backend = ReadBackend(configuration);
        var path = configuration.Setting(SettingNames.CachePath) is { } p ? Path.GetFullPath(SettingReader.ExpandHome(p)) : DefaultLiteDbPath("cache.db");
        if (isSandbox)
        {
            // The sandbox never shares a file, or a table, with a real organization's cache.
            backend = CacheBackend.LiteDb;
            path = Path.Combine(Path.GetDirectoryName(path)!, "sandbox-" + Path.GetFileName(path));
        }

        var table = configuration.Setting(SettingNames.TableName) ?? "sigma-mcp-cache";
        var region = configuration.AwsRegion();
        Uri? endpoint = null;
        if (backend == CacheBackend.DynamoDb)
        {
            if (!TableNamePattern().IsMatch(table))
            {
                throw new ConfigurationException(SettingNames.TableName,
                    $"CACHE_TABLE_NAME '{table}' is not a valid DynamoDB table name (3-255 characters: letters, digits, '_', '-', '.').");
            }

            if (region is not null && !SettingReader.IsAwsRegionName(region))
            {
                throw new ConfigurationException(SettingNames.AwsRegion,
                    $"AWS_REGION '{region}' is not an AWS region name. Use one like us-east-1 or eu-west-2 (the region of the DynamoDB table).");
            }

            if (configuration.Setting(SettingNames.DynamoDbEndpoint) is { } e)
            {
                endpoint = Uri.TryCreate(e, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                    ? u
                    : throw new ConfigurationException(SettingNames.DynamoDbEndpoint, $"AWS_ENDPOINT_URL_DYNAMODB '{e}' is not an http(s) URL.");
            }
        }

        return new CacheOptions
        {
            Backend = backend,
            LiteDbPath = path,
            TableName = table,
            AwsRegion = region,
            AwsProfile = configuration.Setting(SettingNames.AwsProfile),
            DynamoDbEndpoint = endpoint,
            LeaseDuration = configuration.Duration(SettingNames.RefreshLease, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? TimeSpan.FromMinutes(2),
        };
    }

    private static CacheBackend ReadBackend(IConfiguration configuration)
    {
        // SIGMA_MCP_CACHE is the current name; USE_LOCAL_CACHE is the original server's spelling of the same choice.
        if (configuration.Setting(SettingNames.Cache) is { } cache)
        {
            return cache.ToUpperInvariant() switch
            {
                "LITEDB" => CacheBackend.LiteDb,
                "DYNAMODB" => CacheBackend.DynamoDb,
                _ => throw new ConfigurationException(SettingNames.Cache, $"SIGMA_MCP_CACHE '{cache}' is not a cache backend. Use 'litedb' (a local file, the default) or 'dynamodb' (a shared table)."),
            };
        }

        if (configuration.Setting(SettingNames.UseLocalCache) is { } useLocal)
        {
            return useLocal.ToUpperInvariant() switch
            {
                "TRUE" or "1" or "YES" => CacheBackend.LiteDb,
                "FALSE" or "0" or "NO" => CacheBackend.DynamoDb,
                _ => throw new ConfigurationException(SettingNames.UseLocalCache, $"USE_LOCAL_CACHE '{useLocal}' must be true or false (or use SIGMA_MCP_CACHE=litedb|dynamodb)."),
            };
        }

        return CacheBackend.LiteDb;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();
}
