using Amazon.Runtime;

namespace Sigma.Mcp.Tool.Aws;

/// <summary>What the DynamoDB cache and the Secrets Manager reads say alike about AWS identities.</summary>
internal static class AwsErrors
{
    /// <summary>The AWS settings that give the SDK credentials, for messages.</summary>
    public const string CredentialSettings =
        "Set AWS_PROFILE to a profile in ~/.aws/config (and run `aws sso login` for an SSO profile), or set AWS_ACCESS_KEY_ID and " +
        "AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary keys), or run where an IAM role provides them";

    // The error codes with which AWS services refuse a request's credentials (unknown, expired or badly signed).
    private static readonly HashSet<string> s_refusedCredentials = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException",
        "InvalidClientTokenId", "IncompleteSignature", "SignatureDoesNotMatch",
    };

    /// <summary>AWS refused the request's credentials; <paramref name="code"/> is its error code.</summary>
    public static bool RefusedCredentials(Exception error, out string code)
    {
        code = (error as AmazonServiceException)?.ErrorCode ?? "";
        return s_refusedCredentials.Contains(code);
    }

    /// <summary>The SDK found no credentials at all (it says so in a client-side exception).</summary>
    public static bool NoCredentials(Exception error) =>
        error is AmazonClientException && error.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase);
}
