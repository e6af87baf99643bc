using Sigma.Mcp.Tool.Cli;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Cli;

/// <summary>
/// AWS_* settings from <c>.env</c> or the command line reach the process environment, where the AWS SDK reads them,
/// unless the environment already sets them (as dotenv does). Each test uses variable names of its own.
/// </summary>
public sealed class ExportAwsSettingsTests
{
    [Fact]
    public void Export_AwsKeyOnlyInDotEnv_IsCopiedToTheEnvironment()
    {
        var key = UniqueAwsKey();
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File(".env"), $"{key}=from-dotenv\nSIGMA_CLIENT_ID=not-aws\n");
        try
        {
            CommandEnvironment.ExportAwsSettings(SettingsConfiguration.Build(new SettingsSources { WorkingDirectory = directory.Path }));

            Environment.GetEnvironmentVariable(key).Should().Be("from-dotenv");
        }
        finally
        {
            Environment.SetEnvironmentVariable(key, null);
        }
    }

    [Fact]
    public void Export_AwsKeyAlsoInTheEnvironment_KeepsTheEnvironmentsValue()
    {
        var key = UniqueAwsKey();
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File(".env"), $"{key}=from-dotenv\n");
        Environment.SetEnvironmentVariable(key, "from-environment");
        try
        {
            CommandEnvironment.ExportAwsSettings(SettingsConfiguration.Build(new SettingsSources { WorkingDirectory = directory.Path }));

            Environment.GetEnvironmentVariable(key).Should().Be("from-environment");
        }
        finally
        {
            Environment.SetEnvironmentVariable(key, null);
        }
    }

    [Fact]
    public void Export_AwsKeyOnTheCommandLine_IsCopiedToTheEnvironment()
    {
        var key = UniqueAwsKey();
        using var directory = new TempDirectory();
        try
        {
            CommandEnvironment.ExportAwsSettings(SettingsConfiguration.Build(new SettingsSources
            {
                WorkingDirectory = directory.Path,
                CommandLine = new Dictionary<string, string?> { [key] = "from-command-line" },
            }));

            Environment.GetEnvironmentVariable(key).Should().Be("from-command-line");
        }
        finally
        {
            Environment.SetEnvironmentVariable(key, null);
        }
    }

    private static string UniqueAwsKey() => $"AWS_SIGMA_MCP_TEST_{Guid.NewGuid():N}".ToUpperInvariant();
}
