using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Aws;
using Sigma.Mcp.Tool.Configuration;
using Sigma.Mcp.Tool.Hosting;
using Sigma.Mcp.Tool.Server;

namespace Sigma.Mcp.Tool.Http;

/// <summary>
/// Runs <c>serve --http</c> until SIGTERM or Ctrl+C, then stops gracefully: Kestrel stops accepting connections and
/// lets requests in flight finish (up to the host's shutdown timeout). The signature names no ASP.NET type, so the
/// stdio path, which never calls it, never loads ASP.NET Core.
/// </summary>
internal static partial class HttpServer
{
    public static async Task<int> RunAsync(ToolSettings settings, HttpServerSettings http, CancellationToken cancellationToken)
    {
        await using var app = HttpServerHost.Build(settings, http);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpServer).FullName!);
        var tokenSecret = app.Services.GetService<HttpTokenSecret>();
        try
        {
            // Before listening: a server whose tokens cannot be read would refuse every client.
            await (tokenSecret?.LoadAsync(cancellationToken) ?? Task.CompletedTask);
        }
        catch (ConfigurationException ex)
        {
            // AWS throttling or unreachable may pass (exit 1, a supervisor retries); anything else needs someone to act (exit 2).
            await Console.Error.WriteLineAsync($"sigma-mcp: {ex.Message}");
            return SecretsManagerErrors.IsTransient(ex.InnerException) ? ExitCodes.Failure : ExitCodes.Usage;
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"sigma-mcp: cannot listen on {string.Join(", ", http.Urls)}: {ex.Message}");
            return ExitCodes.Failure;
        }

        // Tests and operators read the actual address here (port 0 in --urls lets the OS pick one).
        foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var endpoint = address.TrimEnd('/') + HttpServerHost.McpPath;
            LogListening(logger, endpoint);
        }

        var secretTokens = tokenSecret is null ? "" : $"; bearer tokens from Secrets Manager secret '{http.TokensSecretId}' ({tokenSecret.Current.Count})";
        var authentication = !http.RequiresAuthentication ? "none (loopback only)"
            : http.OAuth is { } oauth ? $"{oauth}; bearer tokens ({http.Tokens.Count}){secretTokens}"
            : $"bearer tokens ({http.Tokens.Count}){secretTokens}";
        var hosts = string.Join(", ", http.AllowedHosts);
        var rateLimit = http.RateLimitPerMinute > 0 ? $"{http.RateLimitPerMinute}/min per client" : "off";
        var cors = http.CorsOrigins.Count > 0 ? string.Join(", ", http.CorsOrigins) : "off";
        LogSecurity(logger, authentication, hosts, rateLimit, cors);
        await app.WaitForShutdownAsync(CancellationToken.None);
        return ExitCodes.Success;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "sigma-mcp listening on {Endpoint}")]
    private static partial void LogListening(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authentication: {Authentication}; allowed hosts: {Hosts}; rate limit: {RateLimit}; CORS: {Cors}")]
    private static partial void LogSecurity(ILogger logger, string authentication, string hosts, string rateLimit, string cors);
}
