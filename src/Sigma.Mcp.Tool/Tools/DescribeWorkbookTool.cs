using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary><c>describe_workbook</c>: a workbook's structure, what its data comes from, and what an export can set.</summary>
[McpServerToolType]
internal sealed class DescribeWorkbookTool(WorkbookDescriber describer)
{
    [McpServerTool(Name = "describe_workbook", Title = "Describe a Sigma workbook",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(WorkbookDescription))]
    [Description("""
        Describes one workbook: name, link, owner, badge, folder, description, its pages with their elements (charts, tables, pivots: id, name, type, columns),
        the controls whose values export_data can set through 'parameters', and its data sources.
        Use it after search_documents to understand a workbook before reading its data.
        """)]
    public async Task<CallToolResult> DescribeWorkbook(
        [Description("The workbook: its id (UUID), its urlId, or its full Sigma URL.")] string workbook,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(workbook))
        {
            throw new McpException("workbook is empty: pass a workbook id, urlId or Sigma URL (search_documents finds them).");
        }

        var description = await describer.DescribeWorkbookAsync(workbook, cancellationToken);
        return ToolResult.Create(description, ToolJsonContext.Default.WorkbookDescription, Render(description));
    }

    private static string Render(WorkbookDescription d)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Workbook '{d.Name}' id={d.Id} ({d.Path}; owner {d.OwnerName ?? "?"}{(d.Badge is null ? "" : "; " + d.Badge)})\n{d.Url}");
        if (!string.IsNullOrWhiteSpace(d.Description))
        {
            text.Append('\n').Append(d.Description);
        }

        foreach (var page in d.Pages)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nPage '{page.Name}' ({page.PageId}):");
            foreach (var e in page.Elements)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  - {e.Name} [{e.Type}] element_id={e.ElementId}{(e.Columns.Count > 0 ? ": " + ElementColumns.Render(e) : "")}");
            }
        }

        if (d.Controls.Count > 0)
        {
            text.Append("\nControls (export_data parameters): ").Append(string.Join(", ", d.Controls.Select(c => $"{c.ControlId ?? c.Name} ({c.ValueType})")));
        }

        if (d.Sources.Count > 0)
        {
            text.Append("\nSources: ").Append(string.Join(", ", d.Sources.Select(s => $"{s.Name ?? s.Id} ({s.Type})")));
        }

        if (d.Note is not null)
        {
            text.Append('\n').Append(d.Note);
        }

        return text.ToString();
    }
}
