using Sigma.Mcp.Tool.Documents;
using Sigma.Mcp.Tool.Search;
using Sigma.Mcp.Tool.SigmaApi;
using Sigma.Mcp.Tool.SigmaApi.Models;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>Argument checks shared by the tools; failures are <see cref="ToolArgumentException"/>s that name the argument, what is expected and an example call.</summary>
internal static class ToolArguments
{
    /// <summary>An empty required argument (the call gate already refuses missing ones).</summary>
    public static void Require(string? value, string name, string what, string tool = "")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(tool, name, $"'{name}' is empty: pass {what}.");
        }
    }

    /// <summary>An argument of the right type whose value is not acceptable; the message gets the tool's example call.</summary>
    public static ToolArgumentException Invalid(string tool, string name, string problem) =>
        tool.Length == 0 ? new(problem) : ArgumentCheck.Invalid(tool, ArgumentCheck.SchemaOf(tool), name, problem);

    /// <summary>A whole-number argument from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static void InRange(string tool, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw Invalid(tool, name, max == int.MaxValue ? $"'{name}' must be {min} or more; it was {value}." : $"'{name}' must be from {min} to {max}; it was {value}.");
        }
    }

    /// <summary>
    /// The workbook named by an id, urlId or URL; a data model, a name or an unknown id get a message naming the next
    /// call (<see cref="DocumentResolver"/>).
    /// </summary>
    public static async Task<Workbook> ResolveWorkbookAsync(SigmaClient sigma, SearchIndexProvider index, string? reference, CancellationToken cancellationToken, string tool = ToolNames.DescribeWorkbook)
    {
        Require(reference, "workbook_id", "a workbook id, urlId or Sigma URL (search_documents finds them)", tool);
        return await DocumentResolver.ResolveWorkbookAsync(sigma, index, tool, reference!, cancellationToken);
    }
}
