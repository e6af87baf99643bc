using Amazon;
using Amazon.Runtime.CredentialManagement;
using Amazon.SimpleSystemsManagement;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.SigmaApi.Credentials;

/// <summary>Building the SSM client from the settings.</summary>
internal sealed partial class SecretsManagerCredentialSource
{
    /// <summary>
    /// A client for <paramref name="region"/> and <paramref name="profile"/> when set, otherwise the AWS SDK's own chains
    /// (on Lambda: the function's region and role). Credentials are resolved on the first request.
    /// </summary>
    /// <exception cref="ConfigurationException">No region could be found.</exception>
    public static IAmazonSimpleSystemsManagement CreateClient(string secretId, string? region, string? profile)
    {
        var config = new AmazonSimpleSystemsManagementConfig();
        if (profile is { Length: > 0 })
        {
            config.Profile = new Profile(profile);
        }

        // An explicit profile's region is not picked up by the SDK unless AWS_PROFILE names it too.
        region ??= profile is { Length: > 0 } && new CredentialProfileStoreChain().TryGetProfile(profile, out var found) ? found.Region?.SystemName : null;
        if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else if (config.RegionEndpoint is null)
        {
            throw new ConfigurationException(SettingNames.AwsRegion,
                $"No AWS region for the Secrets Manager secret '{secretId}' (SIGMA_CREDENTIALS_SECRET_ID). Set AWS_REGION (e.g. us-east-1) to the secret's region, " +
                "or a region in your AWS profile.");
        }

        return new AmazonSimpleSystemsManagementClient(config);
    }
}
