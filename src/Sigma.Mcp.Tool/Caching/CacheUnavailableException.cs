namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// The cache cannot be used as configured: (DynamoDB) no table, no credentials, no region, access denied, or data
/// that changed while it was read. The message says what to set or do next.
/// </summary>
/// <remarks>
/// The message may be shown to users and to the model: it names the table, region and endpoint, never credentials
/// or request payloads.
/// </remarks>
internal sealed class CacheUnavailableException : Exception
{
    public CacheUnavailableException()
    {
    }

    public CacheUnavailableException(string message)
        : base(message)
    {
    }

    public CacheUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
