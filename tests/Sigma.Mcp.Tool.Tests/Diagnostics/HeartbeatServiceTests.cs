using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.Diagnostics;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Diagnostics;

public sealed class HeartbeatServiceTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Check_ValidCredentials_HealthyWithWhoAmI()
    {
        using var host = ToolServices.Build(fixture.Sandbox);

        var report = await host.Services.GetRequiredService<HeartbeatService>().CheckAsync(TestTimeouts.Token());

        report.Status.Should().Be("healthy");
        report.SigmaApi.Connected.Should().BeTrue();
        report.SigmaApi.OrganizationId.Should().Be(fixture.Sandbox.Data.OrganizationId);
        report.SigmaApi.UserInfo!.OrganizationId.Should().Be(fixture.Sandbox.Data.OrganizationId);
        report.SigmaApi.BaseUrl.Should().Be(fixture.Sandbox.BaseUrl.ToString().TrimEnd('/'));
        report.DocumentCache.Backend.Should().Be("litedb");
        report.ServerInfo.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+");
        report.Error.Should().BeNull();
    }

    [Fact]
    public async Task Check_WrongSecret_UnhealthyWithReasonAndNextStep()
    {
        using var host = ToolServices.Build(fixture.Sandbox, clientSecret: "wrong-s3cr3t");

        var report = await host.Services.GetRequiredService<HeartbeatService>().CheckAsync(TestTimeouts.Token());

        report.Status.Should().Be("unhealthy");
        report.SigmaApi.Connected.Should().BeFalse();
        report.SigmaApi.StatusCode.Should().Be(401);
        report.SigmaApi.ErrorCode.Should().Be("unauthorized");
        report.Error.Should().Contain("401");
        report.NextStep.Should().Contain("SIGMA_CLIENT_SECRET");
        report.ToString().Should().NotContain("wrong-s3cr3t");
    }
}
