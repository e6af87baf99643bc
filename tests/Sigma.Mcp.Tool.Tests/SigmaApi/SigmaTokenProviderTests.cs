using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.SigmaApi;

public sealed class SigmaTokenProviderTests : IAsyncLifetime
{
    private SigmaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SigmaSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task GetWhoAmI_ManyCalls_OneTokenRequest()
    {
        using var host = ToolServices.Build(_sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        for (var i = 0; i < 5; i++)
        {
            (await sigma.GetWhoAmIAsync(TestTimeouts.Token())).OrganizationId.Should().Be(_sandbox.Data.OrganizationId);
        }

        _sandbox.Requests.TokenRequests.Should().Be(1);
    }

    [Fact]
    public async Task GetWhoAmI_TokenNearExpiry_RenewedBeforeTheCall()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = ToolServices.Build(_sandbox, time: time);
        var sigma = host.Services.GetRequiredService<SigmaClient>();
        await sigma.GetWhoAmIAsync(TestTimeouts.Token());

        time.Advance(TimeSpan.FromMinutes(59.5)); // inside the last minute of the sandbox's one-hour token
        await sigma.GetWhoAmIAsync(TestTimeouts.Token());

        _sandbox.Requests.TokenRequests.Should().Be(2);
        _sandbox.Requests.Snapshot().Should().NotContain(r => r.Status == 401, "the token was renewed before Sigma could refuse it");
    }

    [Fact]
    public async Task GetWhoAmI_SigmaRefusesToken401_RenewsOnceAndSucceeds()
    {
        using var host = ToolServices.Build(_sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();
        await sigma.GetWhoAmIAsync(TestTimeouts.Token());

        _sandbox.Faults.ExpireAllTokens();
        var me = await sigma.GetWhoAmIAsync(TestTimeouts.Token());

        me.UserId.Should().NotBeNullOrEmpty();
        _sandbox.Requests.TokenRequests.Should().Be(2);
        _sandbox.Requests.Count("GET", "/v2/whoami").Should().Be(3, "one call, then the refused one, then its retry");
    }

    [Fact]
    public async Task GetWhoAmI_FiftyConcurrentCallersOnRefusedToken_OneRenewal()
    {
        using var host = ToolServices.Build(_sandbox);
        var sigma = host.Services.GetRequiredService<SigmaClient>();
        await sigma.GetWhoAmIAsync(TestTimeouts.Token());
        _sandbox.Faults.ExpireAllTokens();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => sigma.GetWhoAmIAsync(TestTimeouts.Token())));

        _sandbox.Requests.TokenRequests.Should().Be(2);
    }

    [Fact]
    public async Task GetToken_FiftyConcurrentCallersOnExpiredToken_OneRenewal()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = ToolServices.Build(_sandbox, time: time);
        var tokens = host.Services.GetRequiredService<SigmaHttpServices>().Tokens;
        var first = await tokens.GetTokenAsync(TestTimeouts.Token());
        time.Advance(TimeSpan.FromHours(2));

        var renewed = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => tokens.GetTokenAsync(TestTimeouts.Token()).AsTask()));

        renewed.Distinct().Should().ContainSingle().Which.Should().NotBe(first);
        _sandbox.Requests.TokenRequests.Should().Be(2);
    }

    [Fact]
    public async Task GetToken_RenewedTwiceInARow_SecondRequestWaitsOneSecond()
    {
        using var host = ToolServices.Build(_sandbox);
        var tokens = host.Services.GetRequiredService<SigmaHttpServices>().Tokens;
        var first = await tokens.GetTokenAsync(TestTimeouts.Token());

        tokens.Invalidate(first);
        await tokens.GetTokenAsync(TestTimeouts.Token());

        var tokenRequests = _sandbox.Requests.Snapshot().Where(r => r.Path.EndsWith("/auth/token", StringComparison.Ordinal)).ToList();
        tokenRequests.Should().HaveCount(2);
        (tokenRequests[1].At - tokenRequests[0].At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950), "Sigma allows one token request per second");
    }

    [Fact]
    public async Task GetWhoAmI_WrongSecret_FailsWithStatusCodeAndFixButNoSecret()
    {
        using var host = ToolServices.Build(_sandbox, clientSecret: "wrong-s3cr3t");
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var act = () => sigma.GetWhoAmIAsync(TestTimeouts.Token());

        var error = (await act.Should().ThrowAsync<SigmaApiException>()).Which;
        error.Status.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        error.ErrorCode.Should().Be("unauthorized");
        error.RequestId.Should().NotBeNullOrEmpty();
        error.Method.Should().Be("POST");
        error.Path.Should().Be("/v2/auth/token");
        error.Message.Should().Contain("SIGMA_CLIENT_ID and SIGMA_CLIENT_SECRET").And.Contain("regional API host");
        error.ToString().Should().NotContain("wrong-s3cr3t");
    }
}
