using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Server;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>Settings given as name/value pairs, through the same configuration pipeline a command uses.</summary>
internal static class TestConfiguration
{
    public static IConfigurationRoot From(IReadOnlyDictionary<string, string> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build();

    /// <summary>Every feature's options, read and validated as a command reads them.</summary>
    public static ToolSettings Load(
        IReadOnlyDictionary<string, string> values, bool requireCredentials, bool isSandbox = false, LogLevel defaultLogLevel = LogLevel.Information) =>
        ToolSettings.Load(From(values), requireCredentials, isSandbox, defaultLogLevel);
}
