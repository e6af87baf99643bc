using System.ComponentModel;
using System.Globalization;
using System.Text;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Tools.Results;

namespace Sigma.Mcp.Tool.Tools;

/// <summary><c>describe_data_model</c>: the data-model counterpart of <c>describe_workbook</c>.</summary>
[McpServerToolType]
internal sealed class DescribeDataModelTool(WorkbookDescriber describer)
{
    [McpServerTool(Name = "describe_data_model", Title = "Describe a Sigma data model",
        ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true,
        UseStructuredContent = true, OutputSchemaType = typeof(DataModelDescription))]
    [Description("Describes one data model: name, link, owner, badge, folder, description and its elements (tables) with their columns. Use it after search_documents finds a data model.")]
    public async Task<CallToolResult> DescribeDataModel(
        [Description("The data model's id (UUID) or urlId.")] string data_model,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(data_model))
        {
            throw new McpException("data_model is empty: pass a data model id or urlId (search_documents with document_type 'data-model' finds them).");
        }

        var d = await describer.DescribeDataModelAsync(data_model, cancellationToken);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Data model '{d.Name}' id={d.Id} ({d.Path}; owner {d.OwnerName ?? "?"})\n{d.Url}");
        foreach (var e in d.Elements)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  - {e.Name} [{e.Type}] element_id={e.ElementId}: {ElementColumns.Render(e)}");
        }

        return ToolResult.Create(d, ToolJsonContext.Default.DataModelDescription, text.ToString());
    }
}
