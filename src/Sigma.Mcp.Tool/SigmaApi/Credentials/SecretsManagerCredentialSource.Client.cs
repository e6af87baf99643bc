using Amazon.SimpleSystemsManagement;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.SigmaApi.Credentials;

/// <summary>Building the SSM client from the settings.</summary>
internal sealed partial class SecretsManagerCredentialSource
{
    /// <summary>The client for the credentials secret; see <see cref="SecretsManagerSecret.CreateClient"/>.</summary>
    /// <exception cref="ConfigurationException">No region could be found.</exception>
    public static IAmazonSimpleSystemsManagement CreateClient(string secretId, string? region, string? profile) =>
        SecretsManagerSecret.CreateClient(secretId, SettingNames.CredentialsSecretId, region, profile);
}
