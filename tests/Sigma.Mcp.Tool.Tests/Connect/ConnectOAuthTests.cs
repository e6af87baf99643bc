using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Mcp.Tool.Tests.Http;
using Sigma.Sandbox;
using Xunit.Abstractions;

namespace Sigma.Mcp.Tool.Tests.Connect;

/// <summary>
/// <c>sigma-mcp connect</c> in front of a team server that asks for OAuth, against a real authorization server
/// (oidc-provider): <c>connect URL --login</c> in a "terminal" (the test plays the browser on the address it prints),
/// then <c>connect URL</c> under an MCP client calls a tool with the saved login, a second start reuses it, an expired
/// access token is renewed with the refresh token, and a login that can no longer be renewed is answered with
/// "log in again", quickly. No token ever reaches stderr.
/// </summary>
public sealed class ConnectOAuthTests(OidcTeamServer team, ITestOutputHelper output) : IClassFixture<OidcTeamServer>, IDisposable
{
    private const string Login = SandboxWellKnown.AdaLovelaceEmail;
    private readonly TempDirectory _home = new();

    public void Dispose() => _home.Dispose();

    private Uri Endpoint => team.Server.McpEndpoint;

    [Fact]
    public async Task Login_ThenRelayCallsTool_AndSecondStartReusesTheLogin()
    {
        var authorizations = team.Provider.Events("authorization.success");

        var registrations = team.Provider.Events("registration_create.success");

        var login = await LogInAsync();

        login.Stderr.Should().Contain("Logged in to").And.Contain(Endpoint.ToString());
        team.Provider.Events("authorization.success").Should().Be(authorizations + 1, "one login in the browser");
        var saved = ReadSavedLogin();
        saved["tokens"]!["RefreshToken"]?.GetValue<string>().Should().NotBeNullOrEmpty("the login asks for offline access, so it can be renewed without the browser");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(LoginFile()).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var stderr = new List<string>();
        await SearchThroughRelayAsync(stderr);
        await SearchThroughRelayAsync(stderr);

        team.Provider.Events("authorization.success").Should().Be(authorizations + 1, "both relays use the saved login; nobody logged in again");
        team.Provider.Events("registration_create.success").Should().Be(registrations + 1, "the client registered once, at the login");
        AssertNoTokenIn(string.Join('\n', stderr) + login.Stderr, saved);
    }

    [Fact]
    public async Task ExpiredAccessToken_RenewedWithTheRefreshToken_WithoutTheBrowser()
    {
        await LogInAsync();
        var authorizations = team.Provider.Events("authorization.success");
        var refreshes = team.Provider.Events("grant.success refresh_token");
        ExpireSavedAccessToken();

        // At trace level, the most the relay ever logs, a renewal (both tokens in its answer) still logs no token.
        var stderr = new List<string>();
        await SearchThroughRelayAsync(stderr, logLevel: "trace");

        team.Provider.Events("grant.success refresh_token").Should().Be(refreshes + 1, "the relay renewed the login with the refresh token");
        team.Provider.Events("authorization.success").Should().Be(authorizations, "no browser step");
        var saved = ReadSavedLogin();
        saved["tokens"]!["ObtainedAt"]!.GetValue<DateTimeOffset>().Should().BeAfter(DateTimeOffset.UtcNow.AddMinutes(-5), "the renewed token was saved");
        AssertNoTokenIn(string.Join('\n', stderr), saved);
    }

    [Fact]
    public async Task ExpiredAccessToken_CallsSentTogether_RenewOnce_SoTheRotatedLoginSurvives()
    {
        await LogInAsync();
        using var relay = ConnectProcess.StartRaw(Endpoint, _home.Path, token: null);
        await relay.SendAsync(ConnectProcess.Initialize, ConnectProcess.Initialized);
        (await relay.ReadAnswerAsync("1")).TryGetProperty("result", out _).Should().BeTrue(relay.Stderr);
        var refreshes = team.Provider.Events("grant.success refresh_token");
        ExpireSavedAccessToken();

        // Four calls at once find the access token expired; the provider rotates refresh tokens, so a second use of one
        // would revoke the login. (The SDK's OAuth client renews once for them; this keeps it so.)
        string[] ids = ["a", "b", "c", "d"];
        await relay.SendAsync([.. ids.Select(id => ConnectProcess.CallHeartbeat.Replace("\"hb\"", $"\"{id}\"", StringComparison.Ordinal))]);
        var answers = (await relay.ReadAnswersAsync([.. ids.Select(id => $"\"{id}\"")])).Values;

        await relay.SendAsync(ConnectProcess.CallHeartbeat);
        var after = await relay.ReadAnswerAsync("\"hb\"");
        relay.CloseInput();
        var (_, stdout, stderr) = await relay.FinishAsync();

        foreach (var answer in answers.Append(after))
        {
            answer.TryGetProperty("result", out var result).Should().BeTrue($"{answer}\n--- stderr\n{stderr}");
            (result.TryGetProperty("isError", out var isError) && isError.GetBoolean()).Should().BeFalse($"{answer}\n--- stderr\n{stderr}\n--- provider\n{team.Provider.Output}");
        }

        team.Provider.Events("grant.success refresh_token").Should().Be(refreshes + 1, "one renewal served all four calls");
        AssertNoTokenIn(stdout + stderr, ReadSavedLogin());
    }

    [Fact]
    public async Task RevokedRefreshToken_ToolCallSaysLogInAgain_Quickly()
    {
        await LogInAsync();
        using var relay = ConnectProcess.StartRaw(Endpoint, _home.Path, token: null);
        await relay.SendAsync(ConnectProcess.Initialize, ConnectProcess.Initialized);
        var initialize = await relay.ReadAnswerAsync("1");
        initialize.TryGetProperty("result", out _).Should().BeTrue($"the saved login is good for now: {initialize}\n--- stderr\n{relay.Stderr}");

        // The login runs out while the MCP client is open: the access token has expired and the refresh token is revoked.
        var saved = ReadSavedLogin();
        await RevokeAsync(saved);
        ExpireSavedAccessToken();
        var clock = Stopwatch.StartNew();
        await relay.SendAsync(ConnectProcess.CallHeartbeat);
        var call = await relay.ReadAnswerAsync("\"hb\"");
        var took = clock.Elapsed;

        call.GetProperty("result").GetProperty("isError").GetBoolean().Should().BeTrue($"{call}\n--- stderr\n{relay.Stderr}");
        call.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString()
            .Should().Contain("Log in again").And.Contain($"sigma-mcp connect {Endpoint} --login");
        output.WriteLine($"revoked login: tools/call answered 'log in again' in {took.TotalMilliseconds:0} ms");
        took.Should().BeLessThan(TimeSpan.FromSeconds(10), "a desktop user must never wait on a hang");
        team.Provider.Output.Should().Contain("EVENT grant.error refresh_token invalid_grant", "the provider refused the revoked refresh token");

        // The user does what the message says, in a terminal; the MCP client's relay, still running, picks the login up.
        await LogInAsync();
        await relay.SendAsync(ConnectProcess.CallHeartbeat.Replace("\"hb\"", "\"hb2\"", StringComparison.Ordinal));
        var retry = await relay.ReadAnswerAsync("\"hb2\"");
        relay.CloseInput();
        var (exitCode, stdout, stderr) = await relay.FinishAsync();

        retry.TryGetProperty("result", out var result).Should().BeTrue($"{retry}\n--- stderr\n{stderr}");
        (result.TryGetProperty("isError", out var isError) && isError.GetBoolean()).Should().BeFalse($"after the new login the call goes through: {retry}\n--- stderr\n{stderr}");
        exitCode.Should().Be(0);
        AssertNoTokenIn(stdout + stderr, saved);
        AssertNoTokenIn(stdout + stderr, ReadSavedLogin());
    }

    [Fact]
    public async Task AccessTokenRefusedByTheServer_RenewedWithTheRefreshToken()
    {
        await LogInAsync();
        var authorizations = team.Provider.Events("authorization.success");
        var refreshes = team.Provider.Events("grant.success refresh_token");

        // The server no longer accepts the saved access token (here: it is garbled), though by its expiry it is still good.
        var saved = ReadSavedLogin();
        saved["tokens"]!["AccessToken"] = "not-a-valid-access-token";
        File.WriteAllText(LoginFile(), saved.ToJsonString());
        var stderr = new List<string>();
        await SearchThroughRelayAsync(stderr);

        team.Provider.Events("grant.success refresh_token").Should().Be(refreshes + 1, "a 401 makes the relay renew the login with the refresh token");
        team.Provider.Events("authorization.success").Should().Be(authorizations, "no browser step");
        AssertNoTokenIn(string.Join('\n', stderr), ReadSavedLogin());
    }

    [Fact]
    public async Task NeverLoggedIn_InitializeSaysToLogIn_WithoutRegisteringAClient()
    {
        var registrations = team.Provider.Events("registration_create.success");
        using var relay = ConnectProcess.StartRaw(Endpoint, _home.Path, token: null);
        var clock = Stopwatch.StartNew();
        await relay.SendAsync(ConnectProcess.Initialize);

        var answer = await relay.ReadAnswerAsync("1");

        answer.GetProperty("error").GetProperty("message").GetString().Should().Contain($"Run `sigma-mcp connect {Endpoint} --login` in a terminal");
        output.WriteLine($"never logged in: initialize answered 'log in' in {clock.Elapsed.TotalMilliseconds:0} ms");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        team.Provider.Events("registration_create.success").Should().Be(registrations, "a relay that cannot open a browser registers no client it could not use");
    }

    [Fact]
    public async Task Relogin_WhenTheRegisteredRedirectPortIsTaken_RegistersAgainOnAFreePort()
    {
        await LogInAsync();
        var port = ReadSavedLogin()["redirect_port"]!.GetValue<int>();
        var registrations = team.Provider.Events("registration_create.success");
        using var squatter = new TcpListener(IPAddress.Loopback, port);
        squatter.Start();

        await LogInAsync();

        ReadSavedLogin()["redirect_port"]!.GetValue<int>().Should().NotBe(port);
        team.Provider.Events("registration_create.success").Should().Be(registrations + 1, "the new redirect address needs a new registration");
        await SearchThroughRelayAsync([]);
    }

    /// <summary><c>sigma-mcp connect URL --login --no-browser</c>, with the test as the user's browser on the address it prints.</summary>
    private async Task<(int ExitCode, string Stderr)> LogInAsync()
    {
        using var process = ConnectProcess.StartRaw(Endpoint, _home.Path, token: null, "--login", "--no-browser");
        await ConnectProcess.WaitUntilAsync(() => process.StderrLines.Any(IsAuthorizationAddress), "connect --login prints the authorization address");
        var address = process.StderrLines.First(IsAuthorizationAddress).Trim();

        var browser = await OidcProvider.RunScriptAsync("browse.mjs", address, Login);
        var (exitCode, _, stderr) = await process.FinishAsync();

        browser.ExitCode.Should().Be(0, $"{browser}\n--- connect --login\n{stderr}\n--- provider\n{team.Provider.Output}");
        exitCode.Should().Be(0, $"{stderr}\n--- server\n{team.Server.Stderr}");
        return (exitCode, stderr);
    }

    private bool IsAuthorizationAddress(string line) => line.Trim().StartsWith(team.Provider.Issuer + "/", StringComparison.Ordinal);

    /// <summary>A relay under the C# SDK client, with the saved login: <c>search_documents</c> finds the dashboard.</summary>
    private async Task SearchThroughRelayAsync(List<string> stderr, string logLevel = "debug")
    {
        await using var client = await ConnectProcess.ConnectSdkClientAsync(Endpoint, _home.Path, token: null, stderr: stderr, logLevel: logLevel);
        var result = await client.CallToolAsync(
            "search_documents", new Dictionary<string, object?> { ["query"] = SandboxWellKnown.RevenueDashboardName }, cancellationToken: TestTimeouts.Token());

        result.IsError.Should().NotBe(true, $"{JsonSerializer.Serialize(result.Content)}\n--- relay\n{string.Join('\n', stderr)}\n--- server\n{team.Server.Stderr}");
        result.StructuredContent!.Value.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .Should().Contain(SandboxWellKnown.RevenueDashboardId);
    }

    private string LoginFile() =>
        Directory.GetFiles(Path.Combine(_home.Path, ".local", "share", "sigma-mcp", "logins"), "*.json").Single();

    private JsonNode ReadSavedLogin() => JsonNode.Parse(File.ReadAllText(LoginFile()))!;

    /// <summary>As if the access token's lifetime had passed: obtained long ago (the JWT itself is still valid).</summary>
    private void ExpireSavedAccessToken()
    {
        var saved = ReadSavedLogin();
        saved["tokens"]!["ObtainedAt"] = DateTimeOffset.UtcNow.AddDays(-1);
        File.WriteAllText(LoginFile(), saved.ToJsonString());
    }

    /// <summary>Revokes the saved refresh token at the authorization server (RFC 7009), authenticated as the client.</summary>
    private async Task RevokeAsync(JsonNode saved)
    {
        var tokens = saved["tokens"]!;
        var clientId = tokens["ClientId"]!.GetValue<string>();
        var secret = tokens["ClientSecret"]?.GetValue<string>();
        var form = new Dictionary<string, string>
        {
            ["token"] = tokens["RefreshToken"]!.GetValue<string>(),
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = clientId,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(team.Provider.Issuer + "/token/revocation"));
        if (secret is not null && tokens["TokenEndpointAuthMethod"]?.GetValue<string>() == "client_secret_post")
        {
            form["client_secret"] = secret;
        }
        else if (secret is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));
        }

        request.Content = new FormUrlEncodedContent(form);
        using var http = new HttpClient { Timeout = TestTimeouts.Default };
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
    }

    private static void AssertNoTokenIn(string text, JsonNode saved)
    {
        text.Should().NotContain("eyJ", "no access token (a JWT starts with eyJ) may reach the log");
        if (saved["tokens"]?["RefreshToken"]?.GetValue<string>() is { Length: > 0 } refresh)
        {
            text.Should().NotContain(refresh, "no refresh token may reach the log");
        }
    }
}
