using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Hosting;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// <c>sigma-mcp connect URL --login</c>, in a terminal: a fresh OAuth login to the server in the browser, saved in the
/// user's profile for every later <c>connect URL</c> (which refreshes it silently until the refresh token expires).
/// </summary>
internal static class ConnectLogin
{
    private static readonly TimeSpan s_browserTimeout = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(ConnectSettings settings, bool openBrowser, TextWriter messages, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        if (settings.Token is not null)
        {
            await messages.WriteLineAsync($"sigma-mcp: {settings.TokenSource} is set, so connect sends that token and never logs in. Unset it to log in with OAuth.");
            return ExitCodes.Usage;
        }

        var store = new LoginStore(settings.LoginDirectory, settings.Endpoint);
        var kept = store.Read()?.RedirectPort;
        if (kept is { } port && ConnectOAuth.IsLoopbackPortFree(port))
        {
            store.ForgetTokens();
        }
        else
        {
            // First login, or another program now holds the port the client was registered with: the authorization
            // server matches redirect addresses exactly, so a new port needs a new registration.
            port = ConnectOAuth.FreeLoopbackPort();
            store.ForgetLogin();
        }

        store.SaveRedirectPort(port);

        var browser = new BrowserAuthorization(messages, openBrowser, s_browserTimeout);
        var options = new HttpClientTransportOptions
        {
            Endpoint = settings.Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = "sigma-mcp connect --login",
            OAuth = ConnectOAuth.Create(settings, store, port, browser.AuthorizeAsync, interactive: true),
        };
        try
        {
            await using var transport = new HttpClientTransport(options, loggerFactory);
            await using var client = await McpClient.CreateAsync(
                transport, new McpClientOptions { ClientInfo = new Implementation { Name = "sigma-mcp-connect-login", Version = "1" } }, loggerFactory, cancellationToken);
            if (store.Read()?.Tokens is not { AccessToken.Length: > 0 })
            {
                await messages.WriteLineAsync($"{settings.Endpoint} did not ask for a login: `sigma-mcp connect {settings.Endpoint}` works without one.");
                return ExitCodes.Success;
            }

            await messages.WriteLineAsync(
                $"Logged in to {settings.Endpoint} ({client.ServerInfo?.Name ?? "MCP server"}). The login is saved in {store.FilePath} (readable by you only); " +
                $"`sigma-mcp connect {settings.Endpoint}` uses it from now on, and renews it by itself until the server asks you to log in again.");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is TimeoutException or InvalidOperationException ? ex.Message : new RelayFailures(settings).Describe(ex);
            await messages.WriteLineAsync($"sigma-mcp: the login to {settings.Endpoint} did not complete. {reason}");
            return ExitCodes.Failure;
        }
    }
}
