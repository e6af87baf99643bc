using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Caching;
using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Tools;

/// <summary><c>describe_data_model</c>: the data-model counterpart of <c>describe_workbook</c>.</summary>
[McpServerToolType]
internal sealed class DescribeDataModelTool(WorkbookDescriber describer, ResultBudget budget)
{
    [McpServerTool(Name = ToolNames.DescribeDataModel, Title = "Describe a Sigma data model",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(DataModelDescription))]
    [Description("Describes one data model: name, link, owner, badge, folder, description and its elements (tables) with their columns. Use it after search_documents finds a data model; next_offset is set when more elements follow.")]
    public async Task<CallToolResult> DescribeDataModel(
        [Description("The data model's id (UUID) or urlId.")] string data_model_id,
        [Description("Elements to skip: next_offset from the previous call.")] int offset = 0,
        CancellationToken cancellationToken = default)
    {
        ToolArguments.Require(data_model_id, "data_model_id", "a data model id or urlId (search_documents with document_type 'data-model' finds them)", ToolNames.DescribeDataModel);
        ToolArguments.InRange(ToolNames.DescribeDataModel, "offset", offset, 0, int.MaxValue);
        var whole = await describer.DescribeDataModelAsync(data_model_id, cancellationToken);
        var elements = whole.Elements.Skip(offset).ToList();
        var link = ResourceLinks.For(whole.Id, DocumentTypes.DataModel, whole.Name);
        return budget.Fit(elements.Count, n =>
        {
            var more = offset + n < whole.ElementCount;
            var d = whole with
            {
                Elements = elements[..n],
                Offset = offset,
                NextOffset = more ? offset + n : null,
                Note = more ? $"Elements {offset + 1}-{offset + n} of {whole.ElementCount} are shown: call describe_data_model with offset={offset + n} for the rest." : whole.Note,
            };
            return ToolResult.Create(d, DocumentJsonContext.Default.DataModelDescription, Render(d), [link]);
        }).Result;
    }

    private static string Render(DataModelDescription d)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Data model '{d.Name}' id={d.Id} ({d.Path}; owner {d.OwnerName ?? "?"})\n{d.Url}");
        foreach (var e in d.Elements)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  - {e.Name} [{e.Type}] element_id={e.ElementId}: {ElementColumns.Render(e)}");
        }

        if (d.Note is not null)
        {
            text.Append('\n').Append(d.Note);
        }

        return text.ToString();
    }
}
