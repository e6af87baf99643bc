using Microsoft.Extensions.DependencyInjection;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.SigmaApi;

/// <summary>The Sigma HTTP stack lives in a provider of its own, built on first use, and still honours the host's additions.</summary>
public sealed class SigmaHttpServicesTests : IAsyncLifetime
{
    private SigmaSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SigmaSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task RequestHandler_RegisteredInTheHost_SeesEverySigmaRequestButNotTheTokenRequest()
    {
        var seen = new List<string>();
        using var host = ToolServices.Build(_sandbox, configure: services => services.AddSingleton(new SigmaRequestHandler(() => new RecordingHandler(seen))));

        await host.Services.GetRequiredService<SigmaClient>().GetWhoAmIAsync(TestTimeouts.Token());
        await host.Services.GetRequiredService<SigmaClient>().GetWorkbookAsync(SandboxWellKnown.RevenueDashboardId, TestTimeouts.Token());

        seen.Should().Equal("/v2/whoami", $"/v2/workbooks/{SandboxWellKnown.RevenueDashboardId}");
        _sandbox.Requests.TokenRequests.Should().Be(1, "the token has its own pipeline, and both clients share one token provider");
    }

    [Fact]
    public async Task Host_Disposed_DisposesTheStackItBuilt()
    {
        var host = ToolServices.Build(_sandbox);
        var stack = host.Services.GetRequiredService<SigmaHttpServices>();
        await host.Services.GetRequiredService<SigmaClient>().GetWhoAmIAsync(TestTimeouts.Token());

        host.Dispose();

        var act = () => stack.CreateClient();
        act.Should().Throw<ObjectDisposedException>();
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(request.RequestUri!.AbsolutePath);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
