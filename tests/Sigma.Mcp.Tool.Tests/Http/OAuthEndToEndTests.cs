using System.Text.Json;
using Sigma.Mcp.Tool.Tests.Fixtures;
using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Http;

/// <summary>
/// Team mode end to end on loopback: a real authorization server (oidc-provider), the built tool running
/// <c>serve --http</c> as its resource server, and the official TypeScript MCP client completing the OAuth flow
/// (discovery from the 401, dynamic registration, PKCE, resource indicator; the test plays the browser) and searching.
/// </summary>
public sealed class OAuthEndToEndTests(OidcTeamServer team) : IClassFixture<OidcTeamServer>
{
    [Fact]
    public async Task TypeScriptClient_CompletesOAuthFlow_AndSearches()
    {
        var server = team.Server;
        var run = await OidcProvider.RunScriptAsync("mcp-oauth-client.mjs", server.McpEndpoint.ToString(), SandboxWellKnown.AdaLovelaceEmail, SandboxWellKnown.RevenueDashboardName);

        run.ExitCode.Should().Be(0, $"{run}\n--- server\n{server.Stderr}\n--- provider\n{team.Provider.Output}");
        using var result = JsonDocument.Parse(run.Stdout.Trim().Split('\n')[^1]);
        var root = result.RootElement;
        root.GetProperty("firstAttemptUnauthorized").GetBoolean().Should().BeTrue("the client learns where to authenticate from the 401");
        root.GetProperty("resource").GetString().Should().Be(server.McpEndpoint.ToString());
        root.GetProperty("tokenType").GetString().Should().Be("at+jwt");
        root.GetProperty("audience").GetString().Should().Be(server.McpEndpoint.ToString());
        root.GetProperty("email").GetString().Should().Be(SandboxWellKnown.AdaLovelaceEmail);
        root.GetProperty("isError").GetBoolean().Should().BeFalse();
        root.GetProperty("ids").EnumerateArray().Select(e => e.GetString()).Should().Contain(SandboxWellKnown.RevenueDashboardId);
        server.Stderr.Should().NotContain("eyJ", "no token (a JWT starts with eyJ) may reach the log");
    }
}
