using Sigma.Sandbox;

namespace Sigma.Mcp.Tool.Tests.Fixtures;

/// <summary>Settings (as environment variables) that point the tool at a running sandbox.</summary>
internal static class SandboxSettings
{
    public static Dictionary<string, string?> For(SigmaSandbox sandbox, string? clientSecret = null) => new()
    {
        ["SIGMA_BASE_URL"] = sandbox.BaseUrl.ToString(),
        ["SIGMA_CLIENT_ID"] = sandbox.ClientId,
        ["SIGMA_CLIENT_SECRET"] = clientSecret ?? sandbox.ClientSecret,
    };
}
