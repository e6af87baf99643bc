using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sigma.Mcp.Tool.SigmaApi;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>
/// Which organization this connection reads: from the cache first (see <see cref="CacheConnection"/>), so that a server
/// started while Sigma is down still serves the cached documents; from Sigma's <c>whoami</c> otherwise, then stored.
/// The Sigma client is asked for only then: it is a typed HTTP client (transient, a handler pipeline to build), which a
/// start from the cache never needs.
/// </summary>
internal sealed partial class OrganizationLookup(ICache cache, IServiceProvider services, IOptions<SigmaClientOptions> options, ILogger<OrganizationLookup> logger)
{
    public async Task<string> FindAsync(CancellationToken cancellationToken)
    {
        var key = CacheConnection.Key(options.Value);
        if (await cache.GetOrganizationAsync(key, cancellationToken) is { } stored)
        {
            return stored;
        }

        var sigma = services.GetRequiredService<SigmaClient>();
        var organizationId = (await sigma.GetWhoAmIAsync(cancellationToken)).OrganizationId;
        try
        {
            await cache.SetOrganizationAsync(key, organizationId, cancellationToken);
        }
        catch (CacheUnavailableException ex)
        {
            // Only a shortcut for the next start (the refresh stores it too); a read-only role (the Lambda server's)
            // may not write it, and must still serve.
            LogOrganizationNotStored(logger, ex.Message, ex);
        }

        return organizationId;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Did not store the organization id in the cache: {Reason}")]
    private static partial void LogOrganizationNotStored(ILogger logger, string reason, Exception exception);
}
