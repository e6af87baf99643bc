using System.Net;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement.Model;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Aws;

/// <summary>
/// Says what to do about the AWS errors met while reading a secret (the Sigma credentials, or the HTTP bearer tokens).
/// Every message names the secret, its setting and the region, never the secret's value (AWS's own messages hold ARNs
/// and action names, not values).
/// </summary>
internal static class SecretsManagerErrors
{
    /// <summary>The IAM actions that reading the secret through Parameter Store needs, for messages.</summary>
    public static string RequiredActions(string region, string secretId) =>
        $"ssm:GetParameter on the parameter arn:aws:ssm:{region}:<account>:parameter{SecretsManagerSecret.ReferencePrefix}{secretId}, " +
        "secretsmanager:GetSecretValue on the secret, and kms:Decrypt on the secret's KMS key when that is a customer managed key";

    /// <summary>
    /// A <see cref="ConfigurationException"/> for <paramref name="error"/> met reading <paramref name="secret"/> (with
    /// <paramref name="error"/> as its inner exception), or null when it is something else (a bug).
    /// </summary>
    public static ConfigurationException? Explain(Exception error, SecretsManagerSecret secret)
    {
        var (secretId, region) = (secret.SecretId, secret.Region);
        var what = $"the Secrets Manager secret '{secretId}' ({secret.SettingName}) in region {region}";
        var message = error switch
        {
            ParameterNotFoundException =>
                $"Could not read {what}: it does not exist there, or has no value yet. Put a value in it with " +
                $"`aws secretsmanager put-secret-value --secret-id {secretId} --secret-string '{secret.ExampleValue}'`, " +
                $"or set {secret.SettingName} to the secret's name and AWS_REGION to its region.",
            InvalidKeyIdException =>
                $"Could not decrypt {what}: its KMS key is disabled, deleted or not usable by this AWS identity. Grant kms:Decrypt on the key " +
                $"(and {RequiredActions(region, secretId)}). AWS said: {error.Message}",
            _ when AwsErrors.RefusedCredentials(error, out var code) =>
                $"AWS refused the credentials used to read {what} ({code}). {AwsErrors.CredentialSettings}.",
            AmazonServiceException { ErrorCode: "AccessDeniedException" } or AmazonServiceException { StatusCode: HttpStatusCode.Forbidden } =>
                $"The AWS identity in use may not read {what}. Grant it {RequiredActions(region, secretId)}. AWS said: {error.Message}",
            AmazonServiceException service =>
                $"AWS Systems Manager could not read {what} ({service.ErrorCode ?? service.StatusCode.ToString()}): {error.Message}. Retry later.",
            _ when AwsErrors.NoCredentials(error) =>
                $"No AWS credentials to read {what}. {AwsErrors.CredentialSettings}.",
            AmazonClientException or HttpRequestException =>
                $"Could not reach AWS Systems Manager to read {what}: {error.Message}. Check the network and AWS_REGION.",
            _ => null,
        };
        return message is null ? null : new ConfigurationException(secret.SettingName, message, error);
    }

    /// <summary>
    /// Whether <paramref name="error"/> (a read's inner exception) may pass by itself: AWS throttled or failed, or could
    /// not be reached. Anything else (no such secret, access denied, no credentials) needs someone to act.
    /// </summary>
    public static bool IsTransient(Exception? error) => error switch
    {
        _ when error is not null && AwsErrors.RefusedCredentials(error, out _) => false,
        AmazonServiceException { ErrorCode: "AccessDeniedException" } => false,
        ParameterNotFoundException or InvalidKeyIdException => false,
        AmazonServiceException service => (int)service.StatusCode >= 500 || service.StatusCode == HttpStatusCode.TooManyRequests
            || service.ErrorCode is "ThrottlingException" or "TooManyUpdates" or "InternalServerError",
        AmazonClientException client => !client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase),
        HttpRequestException => true,
        _ => false,
    };

}
