using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Sigma.Mcp.Tool.Configuration;

/// <summary>
/// Reads settings by name (<see cref="SettingNames"/>) with the messages every feature's options share. A blank value
/// counts as unset, so an empty environment variable does not hide a value from <c>.env</c>.
/// </summary>
internal static partial class SettingReader
{
    /// <summary>The trimmed value of the highest-precedence source that sets <paramref name="name"/> to something not blank; null when none does.</summary>
    public static string? Setting(this IConfiguration configuration, string name)
    {
        if (configuration is IConfigurationRoot root)
        {
            foreach (var provider in root.Providers.Reverse())
            {
                // A chained configuration (one with overrides on top) is asked the same way, source by source.
                if (provider is ChainedConfigurationProvider chained)
                {
                    if (chained.Configuration.Setting(name) is { } inner)
                    {
                        return inner;
                    }
                }
                else if (provider.TryGet(name, out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    return value.Trim();
                }
            }

            return null;
        }

        return configuration[name] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
    }

    /// <summary>true/false (also 1/0, yes/no, on/off); null when unset.</summary>
    /// <exception cref="ConfigurationException">Something else.</exception>
    public static bool? Bool(this IConfiguration configuration, string name) => configuration.Setting(name) is not { } text ? null : text.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" or "ON" => true,
        "FALSE" or "0" or "NO" or "OFF" => false,
        _ => throw new ConfigurationException(name, $"{name} '{text}' must be true or false."),
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="ConfigurationException">Not such a number.</exception>
    public static int Int(this IConfiguration configuration, string name, int fallback, int min, int max)
    {
        if (configuration.Setting(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, out var n) && n >= min && n <= max
            ? n
            : throw new ConfigurationException(name, $"{name} '{text}' must be a whole number from {min} to {max}.");
    }

    /// <summary>
    /// A duration, e.g. <c>500ms</c>, <c>30s</c>, <c>15m</c>, <c>2h</c> (or <c>hh:mm:ss</c>), from <paramref name="min"/>
    /// to <paramref name="max"/>; null when unset.
    /// </summary>
    /// <exception cref="ConfigurationException">The value is not such a duration.</exception>
    public static TimeSpan? Duration(this IConfiguration configuration, string name, TimeSpan min, TimeSpan max)
    {
        if (configuration.Setting(name) is not { } text)
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

    /// <summary>The lowest level logged (<c>SIGMA_MCP_LOG_LEVEL</c>); <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="ConfigurationException">Not a log level.</exception>
    public static LogLevel LogLevel(this IConfiguration configuration, LogLevel fallback)
    {
        if (configuration.Setting(SettingNames.LogLevel) is not { } text)
        {
            return fallback;
        }

        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level)
            ? level
            : throw new ConfigurationException(SettingNames.LogLevel, $"SIGMA_MCP_LOG_LEVEL '{text}' is not a log level. Use trace, debug, information, warning, error, critical or none.");
    }

    /// <summary>The AWS region: <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>; null when neither is set.</summary>
    public static string? AwsRegion(this IConfiguration configuration) =>
        configuration.Setting(SettingNames.AwsRegion) ?? configuration.Setting(SettingNames.AwsDefaultRegion);

    /// <summary>Whether <paramref name="region"/> looks like an AWS region name (us-east-1, us-gov-west-1).</summary>
    public static bool IsAwsRegionName(string region) => RegionPattern().IsMatch(region);

    /// <summary><paramref name="path"/> with a leading <c>~</c> replaced by the user's home folder.</summary>
    public static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..]
            : path;

    [GeneratedRegex("^([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
