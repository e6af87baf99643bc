using System.Net;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement.Model;
using Sigma.Mcp.Tool.Caching.DynamoDb;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.SigmaApi.Credentials;

/// <summary>
/// Says what to do about the AWS errors met while reading the credentials secret. Every message names the secret and
/// the region, never the secret's value (AWS's own messages hold ARNs and action names, not values).
/// </summary>
internal static class SecretsManagerErrors
{
    /// <summary>The IAM actions that reading the secret through Parameter Store needs, for messages.</summary>
    public static string RequiredActions(string region, string secretId) =>
        $"ssm:GetParameter on the parameter arn:aws:ssm:{region}:<account>:parameter{SecretsManagerCredentialSource.ReferencePrefix}{secretId}, " +
        "secretsmanager:GetSecretValue on the secret, and kms:Decrypt on the secret's KMS key when that is a customer managed key";

    private static readonly HashSet<string> s_refusedCredentials = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException",
        "InvalidClientTokenId", "IncompleteSignature", "SignatureDoesNotMatch",
    };

    /// <summary>A <see cref="ConfigurationException"/> for <paramref name="error"/>, or null when it is something else (a bug).</summary>
    public static ConfigurationException? Explain(Exception error, string secretId, string region)
    {
        var what = $"the Secrets Manager secret '{secretId}' (SIGMA_CREDENTIALS_SECRET_ID) in region {region}";
        var message = error switch
        {
            ParameterNotFoundException =>
                $"Could not read {what}: it does not exist there, or has no value yet. Put the credentials in it with " +
                $"`aws secretsmanager put-secret-value --secret-id {secretId} --secret-string '{CredentialSecretJson.ExpectedShape}'`, " +
                "or set SIGMA_CREDENTIALS_SECRET_ID to the secret's name and AWS_REGION to its region.",
            InvalidKeyIdException =>
                $"Could not decrypt {what}: its KMS key is disabled, deleted or not usable by this AWS identity. Grant kms:Decrypt on the key " +
                $"(and {RequiredActions(region, secretId)}). AWS said: {error.Message}",
            AmazonServiceException { ErrorCode: { } code } when s_refusedCredentials.Contains(code) =>
                $"AWS refused the credentials used to read {what} ({code}). {DynamoDbErrors.CredentialSettings}.",
            AmazonServiceException { ErrorCode: "AccessDeniedException" } or AmazonServiceException { StatusCode: HttpStatusCode.Forbidden } =>
                $"The AWS identity in use may not read {what}. Grant it {RequiredActions(region, secretId)}. AWS said: {error.Message}",
            AmazonServiceException service =>
                $"AWS Systems Manager could not read {what} ({service.ErrorCode ?? service.StatusCode.ToString()}): {error.Message}. Retry later.",
            AmazonClientException when error.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) =>
                $"No AWS credentials to read {what}. {DynamoDbErrors.CredentialSettings}.",
            AmazonClientException or HttpRequestException =>
                $"Could not reach AWS Systems Manager to read {what}: {error.Message}. Check the network and AWS_REGION.",
            _ => null,
        };
        return message is null ? null : new ConfigurationException(SettingNames.CredentialsSecretId, message);
    }

    /// <summary>The secret's value is not the expected JSON; <paramref name="problem"/> names fields, never values.</summary>
    public static ConfigurationException Malformed(string secretId, string region, string problem) => new(
        SettingNames.CredentialsSecretId,
        $"The Secrets Manager secret '{secretId}' (SIGMA_CREDENTIALS_SECRET_ID) in region {region} does not hold Sigma API credentials: {problem}. " +
        $"It must be a JSON object {CredentialSecretJson.ExpectedShape} with both fields non-empty strings; set it with " +
        $"`aws secretsmanager put-secret-value --secret-id {secretId} --secret-string '{CredentialSecretJson.ExpectedShape}'`.");
}
