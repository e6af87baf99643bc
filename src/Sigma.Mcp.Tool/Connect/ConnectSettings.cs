using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.Configuration;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// The validated settings of <c>sigma-mcp connect URL</c>. The static token is held here once read (from the
/// environment or a file, never from the command line) and never appears in any message.
/// </summary>
internal sealed class ConnectSettings
{
    /// <summary>The bearer token that <c>connect</c> sends, when the server uses static tokens rather than OAuth.</summary>
    public const string TokenVariable = "SIGMA_MCP_CONNECT_TOKEN";

    /// <summary>A pre-registered OAuth client id, for authorization servers without dynamic client registration.</summary>
    public const string OAuthClientIdVariable = "SIGMA_MCP_CONNECT_CLIENT_ID";

    /// <summary>The remote MCP endpoint, e.g. <c>https://mcp.example.com/mcp</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The static bearer token, or null to use OAuth when the server asks for it.</summary>
    public string? Token { get; init; }

    /// <summary>Where the token came from, for messages: <c>SIGMA_MCP_CONNECT_TOKEN</c> or <c>--token-file PATH</c>.</summary>
    public string TokenSource { get; init; } = TokenVariable;

    public string? OAuthClientId { get; init; }

    /// <summary>The folder of saved logins (one file per server, readable by the user only).</summary>
    public required string LoginDirectory { get; init; }

    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    /// <summary>How long a shutdown waits for in-flight requests before cancelling them upstream.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a request keeps retrying while the server cannot be reached (connection refused, 502, 503), to ride
    /// over a restart; then the client gets an error. Short: a desktop user must never wait on a silent hang.
    /// </summary>
    public TimeSpan ReconnectBudget { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The command a user runs to log in, for messages.</summary>
    public string LoginCommand => $"sigma-mcp connect {Endpoint} --login";

    /// <summary>Validates the URL and reads the token from <paramref name="tokenFile"/> or the merged settings.</summary>
    /// <exception cref="ConfigurationException">The URL or the token setting is unusable.</exception>
    public static ConnectSettings Parse(string url, string? tokenFile, IConfiguration configuration, string? loginDirectory = null)
    {
        var endpoint = ParseEndpoint(url);
        string? token = null;
        var source = TokenVariable;
        if (tokenFile is not null)
        {
            source = $"--token-file {tokenFile}";
            token = ReadTokenFile(tokenFile);
        }
        else if (configuration.Setting(TokenVariable) is { } fromEnvironment)
        {
            token = fromEnvironment.Trim();
            if (token.Length == 0 || token.Any(char.IsWhiteSpace))
            {
                throw new ConfigurationException(TokenVariable, $"{TokenVariable} is empty or contains spaces. Set it to the bearer token the server accepts, or unset it to log in with OAuth.");
            }
        }

        var logLevel = configuration.LogLevel(LogLevel.Warning);

        return new ConnectSettings
        {
            Endpoint = endpoint,
            Token = token,
            TokenSource = source,
            OAuthClientId = configuration.Setting(OAuthClientIdVariable),
            LoginDirectory = loginDirectory ?? DefaultLoginDirectory(),
            LogLevel = logLevel,
        };
    }

    /// <summary><c>~/.local/share/sigma-mcp/logins</c> on Linux and macOS, <c>%LOCALAPPDATA%\sigma-mcp\logins</c> on Windows.</summary>
    public static string DefaultLoginDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "sigma-mcp", "logins");

    private static Uri ParseEndpoint(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ConfigurationException("URL", $"'{url}' is not the address of an MCP server. Pass the server's full https:// address, e.g. https://mcp.example.com/mcp.");
        }

        // Plain http would send the token and every answer in the clear; only this machine may be reached that way.
        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            throw new ConfigurationException("URL", $"'{url}' uses plain http to another machine, which would send your token in the clear. Use the server's https:// address (plain http is accepted for localhost only).");
        }

        return uri;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static string ReadTokenFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException("--token-file", $"--token-file {path}: cannot read it ({ex.GetType().Name}). Point it at a file holding the bearer token on one line.");
        }

        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            throw new ConfigurationException("--token-file", $"--token-file {path} is empty or holds more than one word. Put the bearer token alone on one line.");
        }

        return text;
    }
}
