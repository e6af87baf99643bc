using Microsoft.Extensions.DependencyInjection.Extensions;
using Sigma.Mcp.Tool;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Auth;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Sigma REST client.</summary>
internal static class SigmaServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SigmaClient"/> with token handling for the organization in <paramref name="options"/>.</summary>
    public static IServiceCollection AddSigmaClient(this IServiceCollection services, SigmaClientOptions options)
    {
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SigmaTokenProvider>();
        services.AddTransient<SigmaAuthenticationHandler>();

        services.AddHttpClient(SigmaTokenProvider.HttpClientName, http =>
        {
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        });

        services.AddHttpClient<SigmaClient>(http =>
            {
                http.BaseAddress = new Uri(options.BaseUrl, "/");
                http.Timeout = TimeSpan.FromSeconds(100);
                http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })
            .AddHttpMessageHandler<SigmaAuthenticationHandler>();

        return services;
    }

    private static string UserAgent => $"sigma-mcp/{ToolVersion.Current}";
}
