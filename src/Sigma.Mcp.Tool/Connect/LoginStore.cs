using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ModelContextProtocol.Authentication;

namespace Sigma.Mcp.Tool.Connect;

/// <summary>
/// The saved OAuth login for one server: a JSON file in the user's profile (<see cref="ConnectSettings.LoginDirectory"/>)
/// that only the user can read (0600 in a 0700 folder on Linux and macOS; the profile folder's own ACL on Windows).
/// It is the SDK's token cache, read on every request, so that a login done in a terminal (<c>connect --login</c>)
/// is picked up by a <c>connect</c> that is already running. It also keeps the loopback port the client
/// registration was made for, since an authorization server matches redirect addresses exactly.
/// </summary>
internal sealed class LoginStore : ITokenCache
{
    private const UnixFileMode UserOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode UserOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly Lock _writeLock = new();

    public LoginStore(string directory, Uri server)
    {
        Server = server;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(server.AbsoluteUri)))[..16];
        var host = new string([.. server.Host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_')]);
        FilePath = Path.Combine(directory, $"{host}-{hash}.json");
    }

    public Uri Server { get; }

    public string FilePath { get; }

    /// <summary>What is saved, or null when there is nothing (or nothing readable).</summary>
    public StoredLogin? Read()
    {
        try
        {
            using var stream = File.OpenRead(FilePath);
            var login = JsonSerializer.Deserialize(stream, LoginStoreJsonContext.Default.StoredLogin);
            return login is not null && login.Server == Server.AbsoluteUri ? login : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public ValueTask<TokenContainer?> GetTokensAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(Read()?.Tokens);

    public ValueTask StoreTokensAsync(TokenContainer tokens, CancellationToken cancellationToken)
    {
        Update(login => login with { Tokens = tokens });
        return ValueTask.CompletedTask;
    }

    /// <summary>Keeps the client registration and the redirect port, drops the tokens: the next request must log in.</summary>
    public void ForgetTokens() =>
        Update(login => login.Tokens is null ? login : login with
        {
            Tokens = new TokenContainer
            {
                TokenType = "Bearer",
                AccessToken = "",
                ExpiresIn = 0,
                ObtainedAt = DateTimeOffset.UnixEpoch,
                ClientId = login.Tokens.ClientId,
                ClientSecret = login.Tokens.ClientSecret,
                TokenEndpointAuthMethod = login.Tokens.TokenEndpointAuthMethod,
                AuthorizationServer = login.Tokens.AuthorizationServer,
            },
        });

    /// <summary>Drops the tokens and the client registration: the next login registers the client again.</summary>
    public void ForgetLogin() => Update(login => login with { Tokens = null });

    public void SaveRedirectPort(int port) => Update(login => login with { RedirectPort = port });

    private void Update(Func<StoredLogin, StoredLogin> change)
    {
        lock (_writeLock)
        {
            var login = change(Read() ?? new StoredLogin(Server.AbsoluteUri, null, null));
            var directory = Path.GetDirectoryName(FilePath)!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UserOnlyDirectory);
            }

            // Written whole to a private temporary file, then renamed over the old one: a reader never sees half a file.
            var temporary = FilePath + "." + Environment.ProcessId + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UserOnlyFile;
            }

            using (var stream = new FileStream(temporary, options))
            {
                JsonSerializer.Serialize(stream, login, LoginStoreJsonContext.Default.StoredLogin);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
    }
}
