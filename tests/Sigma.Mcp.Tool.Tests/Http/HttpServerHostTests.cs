using Sigma.Mcp.Tool.Http;
using Sigma.Mcp.Tool.Server;
using Sigma.Mcp.Tool.Tests.Fixtures;

namespace Sigma.Mcp.Tool.Tests.Http;

public sealed class HttpServerHostTests
{
    [Fact]
    public void CreateBuilder_Always_RegistersEveryServiceThatToolHostRegisters()
    {
        // Both hosts call ToolHost.AddToolServices; this keeps the HTTP host from losing any of it.
        var settings = TestConfiguration.Load(new Dictionary<string, string>(), requireCredentials: false);
        var http = HttpServerSettings.Parse(TestConfiguration.From(new Dictionary<string, string>()), allowUnauthenticated: true);

        var tool = ToolHost.CreateBuilder(settings).Services.Select(d => d.ServiceType).ToHashSet();
        var web = HttpServerHost.CreateBuilder(settings, http).Services.Select(d => d.ServiceType).ToHashSet();

        tool.Except(web).Select(t => t.FullName).Should().BeEmpty();
    }
}
