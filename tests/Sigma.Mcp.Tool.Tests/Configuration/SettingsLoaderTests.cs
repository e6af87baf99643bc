using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Configuration;

public sealed class SettingsLoaderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Validate_NothingSet_UsesDefaults()
    {
        var settings = Load(requireCredentials: false);

        settings.Sigma.BaseUrl.Should().Be(new Uri("https://api.sigmacomputing.com"));
        settings.Sigma.MaxConcurrency.Should().Be(8);
        settings.Cache.Backend.Should().Be(CacheBackend.LiteDb);
        settings.Cache.LiteDbPath.Should().EndWith(Path.Combine("sigma-mcp", "cache.db"));
        settings.Cache.TableName.Should().Be("sigma-mcp-cache");
        settings.LogLevel.Should().Be(LogLevel.Information);
    }

    [Fact]
    public void Merge_SameSettingEverywhere_CommandLineBeatsEnvironmentBeatsDotEnv()
    {
        File.WriteAllText(_directory.File(".env"), "SIGMA_BASE_URL=https://api.eu.aws.sigmacomputing.com\nSIGMA_CLIENT_ID=from-dotenv\nCACHE_TABLE_NAME=dotenv-table\n");
        var sources = Sources(
            environment: new() { ["SIGMA_CLIENT_ID"] = "from-env", ["CACHE_TABLE_NAME"] = "env-table" },
            commandLine: new() { ["CACHE_TABLE_NAME"] = "cli-table" });

        var values = SettingsConfiguration.Build(sources);

        values.Setting("SIGMA_BASE_URL").Should().Be("https://api.eu.aws.sigmacomputing.com", "only .env sets it");
        values.Setting("SIGMA_CLIENT_ID").Should().Be("from-env", "the environment beats .env");
        values.Setting("CACHE_TABLE_NAME").Should().Be("cli-table", "the command line beats the environment");
    }

    [Fact]
    public void Merge_EmptyValueInEnvironment_DoesNotHideDotEnvValue()
    {
        File.WriteAllText(_directory.File(".env"), "SIGMA_CLIENT_ID=from-dotenv\n");

        var values = SettingsConfiguration.Build(Sources(environment: new() { ["SIGMA_CLIENT_ID"] = "" }));

        values.Setting("SIGMA_CLIENT_ID").Should().Be("from-dotenv");
    }

    [Fact]
    public void Merge_ExplicitEnvFile_ReadInsteadOfWorkingDirectoryDotEnv()
    {
        File.WriteAllText(_directory.File(".env"), "SIGMA_CLIENT_ID=implicit\n");
        File.WriteAllText(_directory.File("prod.env"), "SIGMA_CLIENT_ID=explicit\n");

        var values = SettingsConfiguration.Build(Sources() with { EnvFile = "prod.env" });

        values.Setting("SIGMA_CLIENT_ID").Should().Be("explicit");
    }

    [Fact]
    public void Merge_ExplicitEnvFileMissing_FailsNamingThePath()
    {
        var act = () => SettingsConfiguration.Build(Sources() with { EnvFile = "missing.env" });

        act.Should().Throw<ConfigurationException>()
            .WithMessage($"--env-file: '{_directory.File("missing.env")}' does not exist.*");
    }

    [Theory]
    [InlineData("true", "litedb")]
    [InlineData("false", "dynamodb")]
    [InlineData("FALSE", "dynamodb")]
    [InlineData("1", "litedb")]
    public void Validate_UseLocalCache_OriginalSpellingChoosesBackend(string value, string expected) =>
        Load(new() { ["USE_LOCAL_CACHE"] = value }).Cache.BackendName.Should().Be(expected);

    [Fact]
    public void Validate_BothCacheSpellings_SigmaMcpCacheWins() =>
        Load(new() { ["USE_LOCAL_CACHE"] = "true", ["SIGMA_MCP_CACHE"] = "dynamodb" }).Cache.Backend.Should().Be(CacheBackend.DynamoDb);

    [Fact]
    public void Validate_BaseUrlWithV2AndSlash_IsNormalised() =>
        Load(new() { ["SIGMA_BASE_URL"] = "https://aws-api.sigmacomputing.com/v2/" }).Sigma.BaseUrl
            .Should().Be(new Uri("https://aws-api.sigmacomputing.com"));

    [Fact]
    public void Validate_Sandbox_UsesSeparateLiteDbFileEvenWhenDynamoDbConfigured()
    {
        var settings = ToolSettings.Load(
            SettingsConfiguration.Build(Sources(new() { ["SIGMA_MCP_CACHE"] = "dynamodb", ["SIGMA_MCP_CACHE_PATH"] = _directory.File("cache.db") })),
            requireCredentials: false,
            isSandbox: true);

        settings.Cache.Backend.Should().Be(CacheBackend.LiteDb);
        settings.Cache.LiteDbPath.Should().Be(_directory.File("sandbox-cache.db"));
    }

    [Fact]
    public void Validate_CachePathWithTilde_ExpandsToHome() =>
        Load(new() { ["SIGMA_MCP_CACHE_PATH"] = "~/x/cache.db" }).Cache.LiteDbPath
            .Should().Be(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "x", "cache.db"));

    [Fact]
    public void Validate_DynamoDbSettings_AreRead()
    {
        var settings = Load(new()
        {
            ["SIGMA_MCP_CACHE"] = "dynamodb",
            ["CACHE_TABLE_NAME"] = "team-cache",
            ["AWS_REGION"] = "eu-west-2",
            ["AWS_PROFILE"] = "analytics",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:8000",
        });

        settings.Cache.TableName.Should().Be("team-cache");
        settings.Cache.AwsRegion.Should().Be("eu-west-2");
        settings.Cache.AwsProfile.Should().Be("analytics");
        settings.Cache.DynamoDbEndpoint.Should().Be(new Uri("http://127.0.0.1:8000"));
        settings.Cache.Location.Should().Contain("team-cache").And.Contain("eu-west-2");
    }

    // Every configuration error: the setting it names and the start of its one-line message.
    [Theory]
    [InlineData("SIGMA_BASE_URL", "not a url", "SIGMA_BASE_URL 'not a url' is not an http(s) URL.")]
    [InlineData("SIGMA_BASE_URL", "ftp://api.sigmacomputing.com", "SIGMA_BASE_URL 'ftp://api.sigmacomputing.com' is not an http(s) URL.")]
    [InlineData("SIGMA_BASE_URL", "http://api.sigmacomputing.com", "SIGMA_BASE_URL 'http://api.sigmacomputing.com' uses plain http, which is allowed only for loopback addresses.")]
    [InlineData("SIGMA_BASE_URL", "https://app.sigmacomputing.com/acme", "SIGMA_BASE_URL 'https://app.sigmacomputing.com/acme' is Sigma's web app, not its API host.")]
    [InlineData("SIGMA_BASE_URL", "https://api.sigmacomputing.com/v3", "SIGMA_BASE_URL 'https://api.sigmacomputing.com/v3' has path '/v3'; only an optional '/v2' is allowed.")]
    [InlineData("SIGMA_BASE_URL", "https://api.sigmacomputing.com/?x=1", "SIGMA_BASE_URL 'https://api.sigmacomputing.com/?x=1' must not have a query or fragment.")]
    [InlineData("SIGMA_MCP_CACHE", "redis", "SIGMA_MCP_CACHE 'redis' is not a cache backend. Use 'litedb'")]
    [InlineData("USE_LOCAL_CACHE", "maybe", "USE_LOCAL_CACHE 'maybe' must be true or false")]
    [InlineData("SIGMA_MCP_LOG_LEVEL", "loud", "SIGMA_MCP_LOG_LEVEL 'loud' is not a log level.")]
    [InlineData("SIGMA_MCP_MAX_CONCURRENCY", "0", "SIGMA_MCP_MAX_CONCURRENCY '0' must be a whole number from 1 to 64.")]
    [InlineData("SIGMA_MCP_MAX_CONCURRENCY", "many", "SIGMA_MCP_MAX_CONCURRENCY 'many' must be a whole number from 1 to 64.")]
    public void Validate_MalformedSetting_FailsNamingSettingAndFix(string setting, string value, string messageStart)
    {
        var act = () => Load(new() { [setting] = value });

        var error = act.Should().Throw<ConfigurationException>().Which;
        error.Setting.Should().Be(setting);
        error.Message.Should().StartWith(messageStart);
        error.Message.Should().NotContain("\n", "a configuration error is one line");
    }

    [Theory]
    [InlineData("CACHE_TABLE_NAME", "x", "CACHE_TABLE_NAME 'x' is not a valid DynamoDB table name")]
    [InlineData("CACHE_TABLE_NAME", "bad name!", "CACHE_TABLE_NAME 'bad name!' is not a valid DynamoDB table name")]
    [InlineData("AWS_REGION", "Frankfurt", "AWS_REGION 'Frankfurt' is not an AWS region name. Use one like us-east-1")]
    [InlineData("AWS_REGION", "us-east1", "AWS_REGION 'us-east1' is not an AWS region name.")]
    [InlineData("AWS_ENDPOINT_URL_DYNAMODB", "localhost:8000", "AWS_ENDPOINT_URL_DYNAMODB 'localhost:8000' is not an http(s) URL.")]
    public void Validate_MalformedDynamoDbSetting_FailsOnlyWhenDynamoDbIsUsed(string setting, string value, string messageStart)
    {
        Load(new() { [setting] = value }).Cache.Backend.Should().Be(CacheBackend.LiteDb, "LiteDB ignores DynamoDB settings");

        var act = () => Load(new() { ["SIGMA_MCP_CACHE"] = "dynamodb", [setting] = value });

        var error = act.Should().Throw<ConfigurationException>().Which;
        error.Setting.Should().Be(setting);
        error.Message.Should().StartWith(messageStart);
    }

    [Fact]
    public void Validate_MissingClientId_FailsWithWhereToGetIt()
    {
        var act = () => Load(new() { ["SIGMA_CLIENT_SECRET"] = "s3cr3t-value" }, requireCredentials: true);

        var error = act.Should().Throw<ConfigurationException>().Which;
        error.Setting.Should().Be("SIGMA_CLIENT_ID");
        error.Message.Should().Be("SIGMA_CLIENT_ID is not set. Create API credentials in Sigma (Administration → Developer Access), then set SIGMA_CLIENT_ID in the environment or a .env file (or pass --client-id). To try sigma-mcp without an account, add --sandbox.");
    }

    [Fact]
    public void Validate_MissingClientSecret_FailsWithoutSuggestingTheCommandLine()
    {
        var act = () => Load(new() { ["SIGMA_CLIENT_ID"] = "id" }, requireCredentials: true);

        var error = act.Should().Throw<ConfigurationException>().Which;
        error.Setting.Should().Be("SIGMA_CLIENT_SECRET");
        error.Message.Should().StartWith("SIGMA_CLIENT_SECRET is not set.").And.Contain("not accepted on the command line");
    }

    [Fact]
    public void Validate_MissingCredentials_AcceptedWhenCommandDoesNotCallSigma() =>
        Load(requireCredentials: false).Sigma.ClientId.Should().BeEmpty();

    [Fact]
    public void SigmaClientOptions_ToString_NeverShowsSecret()
    {
        var settings = Load(new() { ["SIGMA_CLIENT_ID"] = "id", ["SIGMA_CLIENT_SECRET"] = "s3cr3t-value" }, requireCredentials: true);

        settings.Sigma.ToString().Should().NotContain("s3cr3t-value").And.Contain("secret set");
    }

    [Fact]
    public void Merge_MalformedDotEnvLine_FailsWithoutEchoingTheLine()
    {
        File.WriteAllText(_directory.File(".env"), "SIGMA_CLIENT_ID=id\nthis-line-holds-s3cr3t\n");

        var act = () => SettingsConfiguration.Build(Sources());

        act.Should().Throw<ConfigurationException>()
            .WithMessage("*line 2: expected KEY=value.")
            .Which.Message.Should().NotContain("s3cr3t");
    }

    private SettingsSources Sources(Dictionary<string, string>? environment = null, Dictionary<string, string?>? commandLine = null) => new()
    {
        WorkingDirectory = _directory.Path,
        Environment = (environment ?? []).ToDictionary(p => p.Key, p => (string?)p.Value),
        CommandLine = commandLine ?? [],
    };

    private ToolSettings Load(Dictionary<string, string>? environment = null, bool requireCredentials = false) =>
        ToolSettings.Load(SettingsConfiguration.Build(Sources(environment)), requireCredentials);
}
