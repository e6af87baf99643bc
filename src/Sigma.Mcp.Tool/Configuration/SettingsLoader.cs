using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Configuration;

/// <summary>
/// Merges the setting sources in precedence order and validates the result into one <see cref="ToolSettings"/>.
/// Precedence lives here and nowhere else.
/// </summary>
internal static partial class SettingsLoader
{
    /// <summary>Merges sources: defaults &lt; .env &lt; environment &lt; command line. Empty values count as unset.</summary>
    public static IReadOnlyDictionary<string, string> Merge(SettingsSources sources)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ReadDotEnv(sources))
        {
            Set(merged, key, value);
        }

        foreach (DictionaryEntry entry in sources.Environment)
        {
            Set(merged, (string)entry.Key, entry.Value as string);
        }

        foreach (var (key, value) in sources.CommandLine)
        {
            Set(merged, key, value);
        }

        return merged;
    }

    /// <summary>The values of the <c>.env</c> file in effect (empty when there is none).</summary>
    public static IReadOnlyDictionary<string, string> ReadDotEnv(SettingsSources sources)
    {
        if (sources.EnvFile is { } explicitPath)
        {
            var full = Path.GetFullPath(explicitPath, sources.WorkingDirectory);
            return File.Exists(full)
                ? DotEnvFile.Parse(full)
                : throw new ConfigurationException("--env-file", $"--env-file: '{full}' does not exist. Pass the path of an existing .env file, or leave the option out.");
        }

        var implicitPath = Path.Combine(sources.WorkingDirectory, ".env");
        return File.Exists(implicitPath) ? DotEnvFile.Parse(implicitPath) : new Dictionary<string, string>();
    }

    /// <summary>Validates merged values. Credentials are checked only when the command talks to Sigma.</summary>
    /// <exception cref="ConfigurationException">A setting is missing or malformed.</exception>
    public static ToolSettings Validate(
        IReadOnlyDictionary<string, string> values, bool requireCredentials, bool isSandbox = false, LogLevel defaultLogLevel = LogLevel.Information)
    {
        var sigma = new SigmaClientOptions
        {
            BaseUrl = SigmaBaseUrl.Parse(Get(values, SettingNames.BaseUrl) ?? SigmaBaseUrl.Default),
            ClientId = Get(values, SettingNames.ClientId) ?? "",
            ClientSecret = Get(values, SettingNames.ClientSecret) ?? "",
            // The sandbox has its own credentials: a secret set for real use must not replace them.
            CredentialsSecretId = isSandbox ? null : Get(values, SettingNames.CredentialsSecretId),
            AwsRegion = Get(values, SettingNames.AwsRegion) ?? Get(values, SettingNames.AwsDefaultRegion),
            AwsProfile = Get(values, SettingNames.AwsProfile),
            MaxConcurrency = ParseInt(values, SettingNames.MaxConcurrency, 8, 1, 64),
        };

        if (sigma.CredentialsSecretId is not null)
        {
            ValidateCredentialsSecret(sigma);
        }
        else if (requireCredentials)
        {
            RequireCredentials(sigma);
        }

        return new ToolSettings
        {
            Sigma = sigma,
            Cache = ParseCache(values, isSandbox),
            LogLevel = ParseLogLevel(values, defaultLogLevel),
            IsSandbox = isSandbox,
            Tools = ParseToolSwitches(values),
            CachePollInterval = ParseDuration(values, SettingNames.CachePollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? TimeSpan.FromSeconds(30),
        };
    }

    private static void RequireCredentials(SigmaClientOptions sigma)
    {
        const string Where = "Create API credentials in Sigma (Administration → Developer Access)";
        if (sigma.ClientId.Length == 0)
        {
            throw new ConfigurationException(SettingNames.ClientId,
                $"SIGMA_CLIENT_ID is not set. {Where}, then set SIGMA_CLIENT_ID in the environment or a .env file (or pass --client-id). To try sigma-mcp without an account, add --sandbox.");
        }

        if (sigma.ClientSecret.Length == 0)
        {
            throw new ConfigurationException(SettingNames.ClientSecret,
                $"SIGMA_CLIENT_SECRET is not set. {Where}, then set SIGMA_CLIENT_SECRET in the environment or a .env file (it is not accepted on the command line, to keep it out of shell history).");
        }
    }

    private static void ValidateCredentialsSecret(SigmaClientOptions sigma)
    {
        if (!SecretIdPattern().IsMatch(sigma.CredentialsSecretId!))
        {
            throw new ConfigurationException(SettingNames.CredentialsSecretId,
                $"SIGMA_CREDENTIALS_SECRET_ID '{sigma.CredentialsSecretId}' is not a Secrets Manager secret name or ARN (letters, digits and /_+=.@:- only).");
        }

        if (sigma.ClientId.Length > 0 || sigma.ClientSecret.Length > 0)
        {
            throw new ConfigurationException(SettingNames.CredentialsSecretId,
                "SIGMA_CREDENTIALS_SECRET_ID is set, and so is SIGMA_CLIENT_ID or SIGMA_CLIENT_SECRET: set one or the other. The secret holds both " +
                "the client id and the client secret.");
        }

        if (sigma.AwsRegion is { } region && !RegionPattern().IsMatch(region))
        {
            throw new ConfigurationException(SettingNames.AwsRegion,
                $"AWS_REGION '{region}' is not an AWS region name. Use one like us-east-1 or eu-west-2 (the region of the secret in SIGMA_CREDENTIALS_SECRET_ID).");
        }
    }

    private static CacheOptions ParseCache(IReadOnlyDictionary<string, string> values, bool isSandbox)
    {
        var backend = ParseBackend(values);
        var path = Get(values, SettingNames.CachePath) is { } p ? Path.GetFullPath(ExpandHome(p)) : CacheOptions.DefaultLiteDbPath("cache.db");
        if (isSandbox)
        {
            // The sandbox never shares a file, or a table, with a real organization's cache.
            backend = CacheBackend.LiteDb;
            path = Path.Combine(Path.GetDirectoryName(path)!, "sandbox-" + Path.GetFileName(path));
        }

        var table = Get(values, SettingNames.TableName) ?? "sigma-mcp-cache";
        var region = Get(values, SettingNames.AwsRegion) ?? Get(values, SettingNames.AwsDefaultRegion);
        Uri? endpoint = null;
        if (backend == CacheBackend.DynamoDb)
        {
            if (!TableNamePattern().IsMatch(table))
            {
                throw new ConfigurationException(SettingNames.TableName,
                    $"CACHE_TABLE_NAME '{table}' is not a valid DynamoDB table name (3-255 characters: letters, digits, '_', '-', '.').");
            }

            if (region is not null && !RegionPattern().IsMatch(region))
            {
                throw new ConfigurationException(SettingNames.AwsRegion,
                    $"AWS_REGION '{region}' is not an AWS region name. Use one like us-east-1 or eu-west-2 (the region of the DynamoDB table).");
            }

            if (Get(values, SettingNames.DynamoDbEndpoint) is { } e)
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
            AwsProfile = Get(values, SettingNames.AwsProfile),
            DynamoDbEndpoint = endpoint,
            LeaseDuration = ParseDuration(values, SettingNames.RefreshLease, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) ?? TimeSpan.FromMinutes(2),
        };
    }

    private static CacheBackend ParseBackend(IReadOnlyDictionary<string, string> values)
    {
        // SIGMA_MCP_CACHE is the current name; USE_LOCAL_CACHE is the original server's spelling of the same choice.
        if (Get(values, SettingNames.Cache) is { } cache)
        {
            return cache.ToUpperInvariant() switch
            {
                "LITEDB" => CacheBackend.LiteDb,
                "DYNAMODB" => CacheBackend.DynamoDb,
                _ => throw new ConfigurationException(SettingNames.Cache, $"SIGMA_MCP_CACHE '{cache}' is not a cache backend. Use 'litedb' (a local file, the default) or 'dynamodb' (a shared table)."),
            };
        }

        if (Get(values, SettingNames.UseLocalCache) is { } useLocal)
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

    private static LogLevel ParseLogLevel(IReadOnlyDictionary<string, string> values, LogLevel fallback)
    {
        var text = Get(values, SettingNames.LogLevel);
        if (text is null)
        {
            return fallback;
        }

        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new ConfigurationException(SettingNames.LogLevel, $"SIGMA_MCP_LOG_LEVEL '{text}' is not a log level. Use trace, debug, information, warning, error, critical or none.");
    }

    private static ToolSwitches ParseToolSwitches(IReadOnlyDictionary<string, string> values) => new()
    {
        ReadOnly = ParseBool(values, SettingNames.ReadOnly) ?? false,
        Allowed = Get(values, SettingNames.Tools) is null ? null : ParseToolNames(values, SettingNames.Tools),
        Disabled = ParseToolNames(values, SettingNames.DisabledTools),
        ResultTokens = ParseInt(values, SettingNames.ResultTokens, ToolSwitches.DefaultResultTokens, ToolSwitches.MinResultTokens, ToolSwitches.MaxResultTokens),
    };

    /// <summary>A comma-separated list of tool names, each one of the server's tools.</summary>
    private static HashSet<string> ParseToolNames(IReadOnlyDictionary<string, string> values, string name)
    {
        var names = new HashSet<string>((Get(values, name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
        var unknown = names.Where(n => !Documents.ToolNames.All.Contains(n)).ToList();
        return unknown.Count == 0
            ? names
            : throw new ConfigurationException(name, $"{name} names {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which is not a tool. The tools are: {string.Join(", ", Documents.ToolNames.All)}.");
    }

    /// <summary>true/false (also 1/0, yes/no); null when unset.</summary>
    public static bool? ParseBool(IReadOnlyDictionary<string, string> values, string name) => Get(values, name)?.ToUpperInvariant() switch
    {
        null => null,
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => throw new ConfigurationException(name, $"{name} '{values[name]}' must be true or false."),
    };

    private static int ParseInt(IReadOnlyDictionary<string, string> values, string name, int fallback, int min, int max)
    {
        var text = Get(values, name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, out var n) && n >= min && n <= max
            ? n
            : throw new ConfigurationException(name, $"{name} '{text}' must be a whole number from {min} to {max}.");
    }

    /// <summary>
    /// A duration setting, e.g. <c>500ms</c>, <c>30s</c>, <c>15m</c>, <c>2h</c> (or <c>hh:mm:ss</c>), from
    /// <paramref name="min"/> to <paramref name="max"/>; null when unset.
    /// </summary>
    /// <exception cref="ConfigurationException">The value is not such a duration.</exception>
    public static TimeSpan? ParseDuration(IReadOnlyDictionary<string, string> values, string name, TimeSpan min, TimeSpan max)
    {
        var text = Get(values, name);
        if (text is null)
        {
            return null;
        }

        var match = DurationPattern().Match(text);
        TimeSpan? duration = match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) switch
            {
                var n when match.Groups[2].Value == "ms" => TimeSpan.FromMilliseconds(n),
                var n when match.Groups[2].Value == "s" => TimeSpan.FromSeconds(n),
                var n when match.Groups[2].Value == "m" => TimeSpan.FromMinutes(n),
                var n => TimeSpan.FromHours(n),
            }
            : text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
        return duration is { } d && d >= min && d <= max
            ? d
            : throw new ConfigurationException(name, $"{name} '{text}' must be a duration from {Describe(min)} to {Describe(max)}, such as 30s, 15m or 1h.");

        static string Describe(TimeSpan t) => t.TotalHours >= 1 ? $"{t.TotalHours:0.#}h" : t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#}m" : $"{t.TotalSeconds:0.#}s";
    }

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..]
            : path;

    private static string? Get(IReadOnlyDictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var v) ? v : null;

    private static void Set(Dictionary<string, string> target, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            target[key] = value.Trim();
        }
    }

    [GeneratedRegex("^([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[A-Za-z0-9/_+=.@:-]{1,2048}$")]
    private static partial Regex SecretIdPattern();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
