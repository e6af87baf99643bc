using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Sigma.Mcp.Tool.Aws;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>Builds the DynamoDB client from <see cref="CacheOptions"/>.</summary>
internal static class DynamoDbClientFactory
{
    /// <summary>
    /// A client for <paramref name="options"/>: its region, profile and endpoint when set, otherwise the AWS SDK's own
    /// chains (region from AWS_REGION or the profile; credentials from the default identity resolver). With an
    /// endpoint (e.g. dynalite) too, credentials must resolve: nothing falls back to dummy keys.
    /// </summary>
    /// <exception cref="CacheUnavailableException">No credentials or no region could be found; the message says what to set.</exception>
    public static IAmazonDynamoDB Create(CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new AmazonDynamoDBConfig();
        var region = AwsRegion.Apply(config, options.AwsRegion, options.AwsProfile);
        if (options.DynamoDbEndpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = region;
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
                $"No AWS credentials for the DynamoDB cache table '{options.TableName}' ({sdkSays}). {profileHint}{AwsErrors.CredentialSettings}.", e);
        }

        return new AmazonDynamoDBClient(credentials, config);
    }
}
