using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>Building the DynamoDB client from <see cref="CacheOptions"/>.</summary>
internal sealed partial class DynamoDbCache
{
    /// <summary>
    /// A client for <paramref name="options"/>: its region, profile and endpoint when set, otherwise the AWS SDK's own
    /// chains (region from AWS_REGION or the profile; credentials from the default identity resolver). With an
    /// endpoint (e.g. dynalite) too, credentials must resolve: nothing falls back to dummy keys.
    /// </summary>
    /// <exception cref="CacheUnavailableException">No credentials or no region could be found; the message says what to set.</exception>
    public static IAmazonDynamoDB CreateClient(CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonDynamoDBConfig();
        if (options.AwsProfile is { Length: > 0 } profile)
        {
            config.Profile = new Profile(profile);
        }

        // An explicit profile's region is not picked up by the SDK unless AWS_PROFILE names it too.
        var region = options.AwsRegion ?? ProfileRegion(options.AwsProfile);
        if (options.DynamoDbEndpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
        }
        else if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        else if (config.RegionEndpoint is null)
        {
            throw new CacheUnavailableException(
                $"No AWS region for the DynamoDB cache table '{options.TableName}'. Set AWS_REGION (e.g. us-east-1) to the table's region, " +
                "or a region in your AWS profile.");
        }

        AWSCredentials credentials;
        try
        {
            credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials(config);
        }
        catch (AmazonClientException e)
        {
            // The SDK's first sentence, without its list of every provider it tried.
            var sdkSays = e.Message.Split('\n', 2)[0].Split(". ", 2)[0].TrimEnd('.', ':', ' ');
            var profileHint = options.AwsProfile is null ? "" : $"Check that the AWS profile '{options.AwsProfile}' exists. ";
            throw new CacheUnavailableException(
                $"No AWS credentials for the DynamoDB cache table '{options.TableName}' ({sdkSays}). {profileHint}{DynamoDbErrors.CredentialSettings}.", e);
        }

        return new AmazonDynamoDBClient(credentials, config);
    }

    private static string? ProfileRegion(string? profile) =>
        profile is { Length: > 0 } && new CredentialProfileStoreChain().TryGetProfile(profile, out var found) ? found.Region?.SystemName : null;
}
