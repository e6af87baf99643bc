using Sigma.Mcp.Tool.Cli;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Cli;

/// <summary>
/// AWS_* settings from <c>.env</c> or the command line reach the process environment, where the AWS SDK reads them,
/// unless the environment already sets them (as dotenv does). Each test uses a variable name of its own.
/// </summary>
public sealed class ExportAwsSettingsTests
{
    [Fact]
    public void Export_AwsKeyOnlyInDotEnv_IsCopiedToTheEnvironment() =>
        ExportThenRead(dotEnv: "from-dotenv").Should().Be("from-dotenv");

    [Fact]
    public void Export_AwsKeyAlsoInTheEnvironment_KeepsTheEnvironmentsValue() =>
        ExportThenRead(dotEnv: "from-dotenv", environment: "from-environment").Should().Be("from-environment");

    [Fact]
    public void Export_AwsKeyOnTheCommandLine_IsCopiedToTheEnvironment() =>
        ExportThenRead(commandLine: "from-command-line").Should().Be("from-command-line");

    [Fact]
    public void Export_NonAwsKeyInDotEnv_IsNotCopied() =>
        ExportThenRead(dotEnv: "from-dotenv", prefix: "SIGMA_MCP_TEST_").Should().BeNull();

    /// <summary>Sets one fresh variable as asked, exports, and returns what the process environment then holds.</summary>
    private static string? ExportThenRead(string? dotEnv = null, string? commandLine = null, string? environment = null, string prefix = "AWS_SIGMA_MCP_TEST_")
    {
        var key = $"{prefix}{Guid.NewGuid():N}".ToUpperInvariant();
        using var directory = new TempDirectory();
        if (dotEnv is not null)
        {
            File.WriteAllText(directory.File(".env"), $"{key}={dotEnv}\n");
        }

        Environment.SetEnvironmentVariable(key, environment);
        try
        {
            CommandEnvironment.ExportAwsSettings(SettingsConfiguration.Build(new SettingsSources
            {
                WorkingDirectory = directory.Path,
                CommandLine = commandLine is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { [key] = commandLine },
            }));
            return Environment.GetEnvironmentVariable(key);
        }
        finally
        {
            Environment.SetEnvironmentVariable(key, null);
        }
    }
}
