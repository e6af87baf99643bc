namespace Sigma.Mcp.Tool.Configuration;

/// <summary>Where the document cache lives.</summary>
internal sealed class CacheOptions
{
    /// <summary>The backend. Default <see cref="CacheBackend.LiteDb"/>.</summary>
    public CacheBackend Backend { get; init; } = CacheBackend.LiteDb;

    /// <summary>The LiteDB file. Default <c>cache.db</c> under the user's local application-data folder.</summary>
    public string LiteDbPath { get; init; } = DefaultLiteDbPath("cache.db");

    /// <summary>The DynamoDB table. Default <c>sigma-mcp-cache</c>.</summary>
    public string TableName { get; init; } = "sigma-mcp-cache";

    /// <summary>The AWS region, when set explicitly; otherwise the AWS SDK's own resolution applies.</summary>
    public string? AwsRegion { get; init; }

    /// <summary>The AWS profile, when set explicitly.</summary>
    public string? AwsProfile { get; init; }

    /// <summary>A DynamoDB-compatible endpoint (e.g. a local test server), when set.</summary>
    public Uri? DynamoDbEndpoint { get; init; }

    /// <summary>
    /// How long a refresh's lease lasts without renewal (renewed every third of it). Default 2 minutes; shorter only
    /// for tests that pause a refresh past its lease.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Where a backend's data lives, for people: a file path or a table.</summary>
    public string Location => Backend == CacheBackend.LiteDb
        ? LiteDbPath
        : $"dynamodb://{TableName}" + (AwsRegion is null ? "" : $" ({AwsRegion})") + (DynamoDbEndpoint is null ? "" : $" at {DynamoDbEndpoint}");

    /// <summary>The name used in output: <c>litedb</c> or <c>dynamodb</c>.</summary>
    public string BackendName => Backend == CacheBackend.LiteDb ? "litedb" : "dynamodb";

    public static string DefaultLiteDbPath(string fileName) => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "sigma-mcp",
        fileName);
}
