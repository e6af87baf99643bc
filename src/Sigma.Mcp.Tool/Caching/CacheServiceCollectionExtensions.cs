using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sigma.Mcp.Tool.Caching.DynamoDb;
using Sigma.Mcp.Tool.Caching.LiteDb;

namespace Sigma.Mcp.Tool.Caching;

/// <summary>Registers the document cache chosen by <see cref="CacheOptions.Backend"/> and the lookup of the organization it holds.</summary>
internal static class CacheServiceCollectionExtensions
{
    public static IServiceCollection AddSigmaCache(this IServiceCollection services, CacheOptions options)
    {
        services.AddSingleton(Options.Create(options));

        // Opened on first use, so that commands that never touch the cache never open a file or a connection.
        services.AddSingleton<ICache>(sp =>
        {
            try
            {
                return options.Backend == CacheBackend.DynamoDb ? CreateDynamoDb(sp, options) : CreateLiteDb(sp, options);
            }
            catch (CacheUnavailableException ex)
            {
                return new UnavailableCache(options.BackendName, options.Location, ex);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new UnavailableCache(options.BackendName, options.Location, new CacheUnavailableException(
                    $"The cache file {options.LiteDbPath} cannot be opened ({ex.Message}). Set SIGMA_MCP_CACHE_PATH to a writable path.", ex));
            }
        });
        services.AddSingleton<OrganizationLookup>();
        return services;
    }

    // One method per backend, never inlined: compiling the factory then loads neither LiteDB nor the AWS SDK; only the
    // chosen backend's assemblies load (the AWS SDK's are a large share of start-up when nothing else needs them).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static LiteDbCache CreateLiteDb(IServiceProvider sp, CacheOptions options) =>
        new LiteDbCache(options.LiteDbPath, sp.GetRequiredService<TimeProvider>());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DynamoDbCache CreateDynamoDb(IServiceProvider sp, CacheOptions options) => new DynamoDbCache(
        DynamoDbClientFactory.Create(options), options.TableName, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DynamoDbCache>>());
}
