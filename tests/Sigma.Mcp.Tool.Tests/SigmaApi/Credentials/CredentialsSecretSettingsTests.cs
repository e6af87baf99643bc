using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.SigmaApi.Credentials;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Credentials;

/// <summary><c>SIGMA_CREDENTIALS_SECRET_ID</c> in the settings and in the service graph.</summary>
public sealed class CredentialsSecretSettingsTests
{
    [Fact]
    public void Validate_SecretIdWithoutClientIdOrSecret_Accepted()
    {
        var settings = TestConfiguration.Load(
            new Dictionary<string, string> { ["SIGMA_CREDENTIALS_SECRET_ID"] = "sigma-mcp/prod/sigma-credentials", ["AWS_REGION"] = "eu-west-2" },
            requireCredentials: true);

        settings.Sigma.CredentialsSecretId.Should().Be("sigma-mcp/prod/sigma-credentials");
        settings.Sigma.AwsRegion.Should().Be("eu-west-2");
        settings.Sigma.ToString().Should().Contain("Secrets Manager secret sigma-mcp/prod/sigma-credentials");
    }

    [Theory]
    [InlineData("SIGMA_CLIENT_ID")]
    [InlineData("SIGMA_CLIENT_SECRET")]
    public void Validate_SecretIdAndClientCredentials_FailsAskingForOneOrTheOther(string alsoSet)
    {
        var act = () => TestConfiguration.Load(
            new Dictionary<string, string> { ["SIGMA_CREDENTIALS_SECRET_ID"] = "sigma", [alsoSet] = "s3cr3t-value" }, requireCredentials: true);

        var error = act.Should().Throw<ConfigurationException>().Which;
        error.Setting.Should().Be("SIGMA_CREDENTIALS_SECRET_ID");
        error.Message.Should().Contain("set one or the other").And.NotContain("s3cr3t-value");
    }

    [Theory]
    [InlineData("my secret")]
    [InlineData("sigma\"credentials")]
    public void Validate_SecretIdNotASecretName_Fails(string secretId)
    {
        var act = () => TestConfiguration.Load(new Dictionary<string, string> { ["SIGMA_CREDENTIALS_SECRET_ID"] = secretId }, requireCredentials: true);

        act.Should().Throw<ConfigurationException>().Which.Setting.Should().Be("SIGMA_CREDENTIALS_SECRET_ID");
    }

    [Fact]
    public void Validate_SecretIdWithBadRegion_FailsNamingTheRegion()
    {
        var act = () => TestConfiguration.Load(
            new Dictionary<string, string> { ["SIGMA_CREDENTIALS_SECRET_ID"] = "sigma", ["AWS_REGION"] = "Ireland" }, requireCredentials: true);

        act.Should().Throw<ConfigurationException>().Which.Setting.Should().Be("AWS_REGION");
    }

    [Fact]
    public void Validate_SecretIdInSandbox_IgnoredSoTheSandboxCredentialsApply()
    {
        var settings = TestConfiguration.Load(
            new Dictionary<string, string> { ["SIGMA_CREDENTIALS_SECRET_ID"] = "sigma", ["SIGMA_CLIENT_ID"] = "sandbox-id", ["SIGMA_CLIENT_SECRET"] = "sandbox-secret" },
            requireCredentials: true,
            isSandbox: true);

        settings.Sigma.CredentialsSecretId.Should().BeNull();
    }

    [Fact]
    public void ToolHost_SecretIdSet_UsesTheSecretsManagerSourceWithoutTouchingAwsUntilFirstUse()
    {
        var settings = TestConfiguration.Load(
            new Dictionary<string, string> { ["SIGMA_CREDENTIALS_SECRET_ID"] = "sigma-mcp/prod/sigma-credentials", ["AWS_REGION"] = "eu-west-2" },
            requireCredentials: true);
        using var host = ToolHost.CreateBuilder(settings).Build();

        var source = host.Services.GetRequiredService<ISigmaCredentialSource>();

        source.Should().BeOfType<SecretsManagerCredentialSource>().Which.ParameterName
            .Should().Be("/aws/reference/secretsmanager/sigma-mcp/prod/sigma-credentials");
    }

    [Fact]
    public async Task ToolHost_NoSecretId_UsesTheSettingsCredentials()
    {
        var settings = TestConfiguration.Load(
            new Dictionary<string, string> { ["SIGMA_CLIENT_ID"] = "id", ["SIGMA_CLIENT_SECRET"] = "s3cr3t-value" }, requireCredentials: true);
        using var host = ToolHost.CreateBuilder(settings).Build();

        var source = host.Services.GetRequiredService<ISigmaCredentialSource>();

        source.Should().BeOfType<StaticCredentialSource>();
        (await source.GetAsync(CancellationToken.None)).Should().Be(new SigmaCredentials("id", "s3cr3t-value"));
        (await source.ReloadAfterRejectionAsync(new SigmaCredentials("id", "s3cr3t-value"), CancellationToken.None)).Should().BeNull();
    }
}
