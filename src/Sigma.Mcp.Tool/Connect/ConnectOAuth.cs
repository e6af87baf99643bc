using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ModelContextProtocol.Authentication;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// The SDK's OAuth client settings for <c>connect</c>: discovery from the server's 401, dynamic client registration
/// (or <see cref="ConnectSettings.OAuthClientIdVariable"/>), authorization code with PKCE, a loopback redirect, and the
/// saved login (<see cref="LoginStore"/>) as the token cache, which the SDK refreshes with the refresh token.
/// </summary>
internal static class ConnectOAuth
{
    /// <summary>
    /// Stands in for a client id while there is no login at all, so that the relay does not register a client with the
    /// authorization server only to find that it cannot open a browser. It is never sent: the login stops first.
    /// </summary>
    private const string NotRegisteredClientId = "sigma-mcp-connect-not-logged-in";

    public static ClientOAuthOptions Create(
        ConnectSettings settings,
        LoginStore store,
        int redirectPort,
        Func<AuthorizationCallbackContext, CancellationToken, Task<AuthorizationResult?>> authorize,
        string? fallbackClientId = null,
        bool interactive = false) => new()
        {
            RedirectUri = RedirectUri(redirectPort),
            ClientId = settings.OAuthClientId ?? fallbackClientId,
            TokenCache = store,
            AuthorizationCallbackHandler = authorize,
            DynamicClientRegistration = new DynamicClientRegistrationOptions { ClientName = "sigma-mcp connect" },

            // The SDK asks for offline_access (a refresh token) when the authorization server offers it, and OpenID
            // Connect grants it only with prompt=consent (Core 1.0 section 11; oidc-provider drops it otherwise), so a
            // login would last only as long as its first access token. --login is the user granting access anyway.
            AdditionalAuthorizationParameters = interactive ? new Dictionary<string, string> { ["prompt"] = "consent" } : [],
        };

    /// <summary>
    /// For the relay under an MCP client: never interactive. When the saved login cannot be used or refreshed, the
    /// request fails with <see cref="LoginRequiredException"/>, which the client shows as "run connect --login".
    /// </summary>
    public static Func<ClientOAuthOptions> ForRelay(ConnectSettings settings, LoginStore store) => () =>
    {
        var saved = store.Read();
        var hadLogin = saved?.Tokens is { AccessToken.Length: > 0 };
        return Create(
            settings,
            store,
            saved?.RedirectPort ?? 0,
            (_, _) => throw new LoginRequiredException(hadLogin),
            saved?.Tokens?.ClientId is null ? NotRegisteredClientId : null);
    };

    public static Uri RedirectUri(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/callback");

    /// <summary>True when nothing listens on <paramref name="port"/> at 127.0.0.1 right now.</summary>
    public static bool IsLoopbackPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A loopback port free right now, for a first login's redirect address (then kept with the login).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
