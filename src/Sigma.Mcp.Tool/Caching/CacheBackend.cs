namespace Sigma.Mcp.Tool.Caching;

/// <summary>Where cached Sigma metadata lives.</summary>
internal enum CacheBackend
{
    /// <summary>An embedded LiteDB file on this machine (the default).</summary>
    LiteDb,

    /// <summary>A DynamoDB table shared by many servers.</summary>
    DynamoDb,
}
