using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Tools;

/// <summary><c>describe_workbook</c>: a workbook's structure, what its data comes from, and what an export can set.</summary>
[McpServerToolType]
internal sealed class DescribeWorkbookTool(WorkbookDescriber describer, ResultBudget budget)
{
    [McpServerTool(Name = ToolNames.DescribeWorkbook, Title = "Describe a Sigma workbook",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(WorkbookDescription))]
    [Description("""
        Describes one workbook: name, link, owner, badge, folder, description, its pages with their elements (charts, tables, pivots: id, name, type, columns),
        the controls whose values export_data can set through 'parameters', and its data sources. Use it after search_documents, before reading data.
        A large workbook's elements come in parts: next_offset is set when more follow.
        """)]
    public async Task<CallToolResult> DescribeWorkbook(
        [Description("The workbook: its id (UUID), urlId or Sigma URL.")] string workbook_id,
        [Description("Elements to skip: next_offset from the previous call.")] int offset = 0,
        CancellationToken cancellationToken = default)
    {
        ToolArguments.Require(workbook_id, "workbook_id", "a workbook id, urlId or Sigma URL (search_documents finds them)", ToolNames.DescribeWorkbook);
        ToolArguments.InRange(ToolNames.DescribeWorkbook, "offset", offset, 0, int.MaxValue);
        var whole = await describer.DescribeWorkbookAsync(workbook_id, cancellationToken);
        var elements = whole.Pages.SelectMany(p => p.Elements).Skip(offset).ToList();
        var link = ResourceLinks.For(whole.Id, DocumentTypes.Workbook, whole.Name);
        return budget.Fit(elements.Count, n =>
        {
            var shown = elements.Take(n).ToHashSet();
            var more = offset + n < whole.ElementCount;
            var d = whole with
            {
                Pages = [.. whole.Pages.Select(p => p with { Elements = [.. p.Elements.Where(shown.Contains)] })],
                Offset = offset,
                NextOffset = more ? offset + n : null,
                Note = Join(whole.Note, more ? $"Elements {offset + 1}-{offset + n} of {whole.ElementCount} are shown: call describe_workbook with offset={offset + n} for the rest." : null),
            };
            return ToolResult.Create(d, DocumentJsonContext.Default.WorkbookDescription, Render(d), [link]);
        }).Result;
    }

    private static string? Join(string? first, string? second) => first is null ? second : second is null ? first : $"{first} {second}";

    private static string Render(WorkbookDescription d)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Workbook '{d.Name}' id={d.Id} ({d.Path}; owner {d.OwnerName ?? "?"}{(d.Badge is null ? "" : "; " + d.Badge)})\n{d.Url}");
        if (!string.IsNullOrWhiteSpace(d.Description))
        {
            text.Append('\n').Append(d.Description);
        }

        foreach (var page in d.Pages.Where(p => p.Elements.Count > 0 || d.Offset == 0))
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
