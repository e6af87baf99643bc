using ModelContextProtocol.Authentication;
using Sigma.Mcp.Tool.Connect;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Connect;

/// <summary>The saved login: one file per server, readable by the user only, keeping the client registration on a new login.</summary>
public sealed class LoginStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task StoredTokens_RoundTripInAUserOnlyFileInAUserOnlyFolder()
    {
        var folder = Path.Combine(_directory.Path, "logins");
        var store = new LoginStore(folder, new Uri("https://mcp.example.com/mcp"));

        await store.StoreTokensAsync(Tokens("access-1", "refresh-1"), CancellationToken.None);
        var read = await store.GetTokensAsync(CancellationToken.None);

        read!.AccessToken.Should().Be("access-1");
        read.RefreshToken.Should().Be("refresh-1");
        read.ClientId.Should().Be("client-1");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(store.FilePath).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.GetUnixFileMode(folder).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task EachServer_HasItsOwnLogin()
    {
        var first = new LoginStore(_directory.Path, new Uri("https://a.example.com/mcp"));
        var second = new LoginStore(_directory.Path, new Uri("https://b.example.com/mcp"));

        await first.StoreTokensAsync(Tokens("access-a", null), CancellationToken.None);

        first.FilePath.Should().NotBe(second.FilePath);
        (await second.GetTokensAsync(CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task ForgetTokens_KeepsTheClientRegistrationAndPortButNoUsableToken()
    {
        var store = new LoginStore(_directory.Path, new Uri("https://mcp.example.com/mcp"));
        await store.StoreTokensAsync(Tokens("access-1", "refresh-1"), CancellationToken.None);
        store.SaveRedirectPort(41234);

        store.ForgetTokens();
        var login = store.Read()!;

        login.RedirectPort.Should().Be(41234);
        login.Tokens!.ClientId.Should().Be("client-1");
        login.Tokens.AccessToken.Should().BeEmpty();
        login.Tokens.RefreshToken.Should().BeNull();
    }

    private static TokenContainer Tokens(string access, string? refresh) => new()
    {
        TokenType = "Bearer",
        AccessToken = access,
        RefreshToken = refresh,
        ExpiresIn = 3600,
        ObtainedAt = DateTimeOffset.UtcNow,
        ClientId = "client-1",
        AuthorizationServer = "https://login.example.com/",
    };
}
