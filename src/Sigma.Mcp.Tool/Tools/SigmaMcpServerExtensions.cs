using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool;
using Sigma.Mcp.Tool.Tools;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the MCP server: identity, instructions and tools. The transport is the caller's choice.</summary>
internal static class SigmaMcpServerExtensions
{
    public const string Instructions = """
        sigma-mcp connects you to a Sigma Computing organization's analytics: workbooks, data models, datasets and their elements.
        Use 'heartbeat' to check the connection when a call fails with an authentication or network error.
        """;

    /// <summary>The same server that <c>serve</c> runs; tests add an in-memory transport instead of stdio.</summary>
    public static IMcpServerBuilder AddSigmaMcpServer(this IServiceCollection services) =>
        services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation
                {
                    Name = "sigma-mcp",
                    Title = "Sigma Computing",
                    Version = ToolVersion.Current,
                };
                options.ServerInstructions = Instructions;
            })
            .WithTools<HeartbeatTool>(ToolJson.Options);
}
