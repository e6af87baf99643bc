using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Aws;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi.Credentials;

namespace Sigma.Mcp.Tool.SigmaApi;

/// <summary>Registers the Sigma REST client and its HTTP pipeline (see <see cref="SigmaHttpServices"/>).</summary>
internal static class SigmaServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SigmaClient"/> for the organization in <paramref name="options"/>. Each request passes, outermost
    /// first: the bearer token (renewed once on a 401), a total timeout, retries (see <see cref="Http.SigmaRetryPolicy"/>), a
    /// per-attempt timeout, the export rate limit, then the concurrency limit, which the token request also passes. The client id and secret come from the settings, or from the Secrets Manager secret in
    /// <see cref="SigmaClientOptions.CredentialsSecretId"/> when that is set.
    /// </summary>
    public static IServiceCollection AddSigmaClient(this IServiceCollection services, SigmaClientOptions options)
    {
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        AddCredentialSource(services, options);

        // The HTTP stack itself is built on first use, in a provider of its own: see SigmaHttpServices.
        services.AddSingleton<SigmaHttpServices>();
        services.AddTransient(sp => sp.GetRequiredService<SigmaHttpServices>().CreateClient());
        return services;
    }

    private static void AddCredentialSource(IServiceCollection services, SigmaClientOptions options)
    {
        if (options.CredentialsSecretId is { } secretId)
        {
            // The SSM client is built on the first read, so that a missing region or AWS identity is that read's error.
            services.AddSingleton<ISigmaCredentialSource>(sp => new SecretsManagerCredentialSource(
                () => SecretsManagerSecret.CreateClient(secretId, SettingNames.CredentialsSecretId, options.AwsRegion, options.AwsProfile),
                secretId,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<SecretsManagerCredentialSource>>()));
        }
        else
        {
            services.AddSingleton<ISigmaCredentialSource>(new StaticCredentialSource(new SigmaCredentials(options.ClientId, options.ClientSecret)));
        }
    }
}
