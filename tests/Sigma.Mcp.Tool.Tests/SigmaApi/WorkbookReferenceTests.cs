using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.SigmaApi;

public sealed class WorkbookReferenceTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("6F1D2C3B-4A59-4E8F-9B7A-1C2D3E4F5A6B", "6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b", null)]
    [InlineData("3kRvDsh7Qm2XpT9zW4vB8c", null, "3kRvDsh7Qm2XpT9zW4vB8c")]
    [InlineData("https://app.sigmacomputing.com/acme/workbook/Revenue-Dashboard-3kRvDsh7Qm2XpT9zW4vB8c?:nodeId=abc", null, "3kRvDsh7Qm2XpT9zW4vB8c")]
    [InlineData("https://app.sigmacomputing.com/acme/workbook/3kRvDsh7Qm2XpT9zW4vB8c", null, "3kRvDsh7Qm2XpT9zW4vB8c")]
    public void Parse_IdUrlIdOrUrl_Recognised(string text, string? id, string? urlId) =>
        WorkbookReference.Parse(text).Should().Be(new WorkbookReference(id, urlId));

    [Theory]
    [InlineData("")]
    [InlineData("https://app.sigmacomputing.com/acme/data-model/x")]
    public void Parse_NotAWorkbook_ClearError(string text) =>
        FluentActions.Invoking(() => WorkbookReference.Parse(text)).Should().Throw<ArgumentException>();

    [Theory]
    [InlineData(SandboxWellKnown.RevenueDashboardId)]
    [InlineData(SandboxWellKnown.RevenueDashboardUrlId)]
    [InlineData("https://app.sigmacomputing.com/acme/workbook/Revenue-Dashboard-" + SandboxWellKnown.RevenueDashboardUrlId)]
    public async Task Resolve_AnyReference_FindsTheWorkbook(string reference)
    {
        using var host = ToolServices.Build(fixture.Sandbox);

        var workbook = await host.Services.GetRequiredService<SigmaClient>().ResolveWorkbookAsync(reference, TestTimeouts.Token());

        workbook.WorkbookId.Should().Be(SandboxWellKnown.RevenueDashboardId);
        workbook.Name.Should().Be(SandboxWellKnown.RevenueDashboardName);
    }

    [Fact]
    public async Task Resolve_UnknownUrlId_NotFoundNamingIt()
    {
        using var host = ToolServices.Build(fixture.Sandbox);

        var act = () => host.Services.GetRequiredService<SigmaClient>().ResolveWorkbookAsync("NoSuchUrlId000000000000", TestTimeouts.Token());

        (await act.Should().ThrowAsync<SigmaApiException>()).Which.Message.Should().Contain("NoSuchUrlId000000000000");
    }
}
