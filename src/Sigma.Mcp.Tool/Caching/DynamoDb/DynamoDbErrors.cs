using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Sigma.Mcp.Tool.Aws;

namespace Sigma.Mcp.Tool.Caching.DynamoDb;

/// <summary>Says what to do about the DynamoDB errors that are configuration, not bugs.</summary>
internal static class DynamoDbErrors
{
    /// <summary>
    /// A <see cref="CacheUnavailableException"/> for <paramref name="error"/>, or null when it is something else.
    /// <paramref name="where"/> is the region and endpoint, e.g. <c>region 'eu-west-2'</c>.
    /// </summary>
    public static CacheUnavailableException? Explain(Exception error, string table, string where) => error switch
    {
        CacheUnavailableException => null,
        ResourceNotFoundException => new(
            $"DynamoDB table '{table}' does not exist in {where}. Create it with `sigma-mcp cache init` (or your infrastructure), " +
            "or set CACHE_TABLE_NAME and AWS_REGION to the table you have.", error),
        AmazonDynamoDBException { ErrorCode: "ValidationException" } when IsKeyMismatch(error.Message) => new(
            $"DynamoDB table '{table}' in {where} is not a sigma-mcp cache table: its keys must be 'pk' (string, partition key) " +
            "and 'sk' (string, sort key). Set CACHE_TABLE_NAME to another table (`sigma-mcp cache init` creates one).", error),
        AmazonDynamoDBException { ErrorCode: "AccessDeniedException" } => new(
            $"The AWS identity in use may not use DynamoDB table '{table}' in {where}. Grant it the actions listed in docs/dynamodb-table.md " +
            "on that table, or use another identity (AWS_PROFILE).", error),
        _ when AwsErrors.RefusedCredentials(error, out var code) => new(
            $"AWS refused the credentials for DynamoDB table '{table}' in {where} ({code}). {AwsErrors.CredentialSettings}.", error),
        _ when AwsErrors.NoCredentials(error) => new(
            $"No AWS credentials for DynamoDB table '{table}' in {where}. {AwsErrors.CredentialSettings}.", error),
        HttpRequestException => new(
            $"Could not reach DynamoDB for table '{table}' in {where}: {error.Message}. Check the network, AWS_REGION and AWS_ENDPOINT_URL_DYNAMODB.", error),
        _ => null,
    };

    // The messages DynamoDB (and dynalite) give when the request's keys are not the table's, e.g. the original server's table.
    private static bool IsKeyMismatch(string message) =>
        message.Contains("key element does not match the schema", StringComparison.OrdinalIgnoreCase)
        || message.Contains("missed key schema element", StringComparison.OrdinalIgnoreCase)
        || message.Contains("key condition not supported", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Missing the key", StringComparison.OrdinalIgnoreCase);
}
