using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Credentials;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.SigmaApi.Credentials;

/// <summary>
/// The token provider with credentials from a (fake) Secrets Manager secret, against the sandbox's real
/// <c>/v2/auth/token</c>: a rotated secret is re-read once when Sigma refuses the old credentials.
/// </summary>
public sealed class SecretRotationTests : IAsyncLifetime, IDisposable
{
    private const string SecretId = "sigma-mcp/test/sigma-credentials";
    private const string WrongSecret = "rotated-away-s3cr3t";

    private readonly FakeParameterStore _ssm = new();
    private readonly CapturingLoggerProvider _logs = new();
    private SigmaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SigmaSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose() => _ssm.Dispose();

    [Fact]
    public async Task GetWhoAmI_SecretRotatedSinceItWasRead_ReReadOnceAndSucceeds()
    {
        _ssm.ThenCredentials(_sandbox.ClientId, WrongSecret).ThenCredentials(_sandbox.ClientId, _sandbox.ClientSecret);
        using var host = Build();

        var me = await host.Services.GetRequiredService<SigmaClient>().GetWhoAmIAsync(TestTimeouts.Token());

        me.OrganizationId.Should().Be(_sandbox.Data.OrganizationId);
        _ssm.Requests.Should().HaveCount(2, "one read, then one re-read after Sigma refused the credentials");
        var tokenStatuses = _sandbox.Requests.Snapshot().Where(r => r.Path.EndsWith("/auth/token", StringComparison.Ordinal)).Select(r => r.Status);
        tokenStatuses.Should().Equal(401, 200);
    }

    [Fact]
    public async Task GetWhoAmI_SecretStillWrong_Fails401AndReReadsAtMostOnceAMinute()
    {
        _ssm.ThenCredentials(_sandbox.ClientId, WrongSecret);
        using var host = Build();
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        var first = (await ((Func<Task>)(() => sigma.GetWhoAmIAsync(TestTimeouts.Token()))).Should().ThrowAsync<SigmaApiException>()).Which;
        var second = (await ((Func<Task>)(() => sigma.GetWhoAmIAsync(TestTimeouts.Token()))).Should().ThrowAsync<SigmaApiException>()).Which;

        first.Status.Should().Be(HttpStatusCode.Unauthorized);
        second.Status.Should().Be(HttpStatusCode.Unauthorized);
        _ssm.Requests.Should().HaveCount(2, "the first refusal re-read the secret; the second came within the minute");
        _sandbox.Requests.TokenRequests.Should().Be(2, "the re-read found the same credentials, which are not sent again; each call sent them once");
        first.ToString().Should().NotContain(WrongSecret);
        second.ToString().Should().NotContain(WrongSecret);
        _logs.Lines.Should().Contain(line => line.Contains($"Secrets Manager secret '{SecretId}'", StringComparison.Ordinal))
            .And.NotContain(line => line.Contains(WrongSecret, StringComparison.Ordinal) || line.Contains(_sandbox.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetWhoAmI_RightSecret_ReadOnceForManyCalls()
    {
        _ssm.ThenCredentials(_sandbox.ClientId, _sandbox.ClientSecret);
        using var host = Build();
        var sigma = host.Services.GetRequiredService<SigmaClient>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => sigma.GetWhoAmIAsync(TestTimeouts.Token())));
        _sandbox.Faults.ExpireAllTokens();
        await sigma.GetWhoAmIAsync(TestTimeouts.Token());

        _ssm.Requests.Should().ContainSingle("an expired token is renewed with the cached credentials; only refused credentials cause a re-read");
        _logs.Lines.Should().NotContain(line => line.Contains(_sandbox.ClientSecret, StringComparison.Ordinal));
    }

    private Microsoft.Extensions.Hosting.IHost Build() => ToolServices.Build(
        _sandbox,
        logs: _logs,
        configure: services => services.AddSingleton<ISigmaCredentialSource>(sp => new SecretsManagerCredentialSource(
            _ssm, SecretId, TimeProvider.System, sp.GetRequiredService<ILogger<SecretsManagerCredentialSource>>())));
}
