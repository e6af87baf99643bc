using ModelContextProtocol;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>Argument checks shared by the tools; failures are <see cref="McpException"/>s whose message names the fix.</summary>
internal static class ToolArguments
{
    public static void Require(string? value, string name, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new McpException($"{name} is empty: pass {what}.");
        }
    }

    public static async Task<Workbook> ResolveWorkbookAsync(SigmaClient sigma, string? reference, CancellationToken cancellationToken)
    {
        Require(reference, "workbook_id", "a workbook id, urlId or Sigma URL (search_documents finds them)");
        try
        {
            return await sigma.ResolveWorkbookAsync(reference!, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new McpException(ex.Message);
        }
    }
}
