using System.ComponentModel;
using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Sigma.Mcp.Tool.Documents;

namespace Sigma.Mcp.Tool.Resources;

/// <summary>Workbooks and data models as resources, for clients that browse resources: the same JSON as the describe tools.</summary>
[McpServerResourceType]
internal sealed class SigmaResources(WorkbookDescriber describer)
{
    [McpServerResource(UriTemplate = "sigma://workbooks/{id}", Name = "workbook", Title = "Sigma workbook", MimeType = "application/json")]
    [Description("A workbook's description (pages, elements, columns, controls, sources) by id or urlId, as describe_workbook returns it.")]
    public async Task<TextResourceContents> Workbook(string id, CancellationToken cancellationToken) => new()
    {
        Uri = $"sigma://workbooks/{id}",
        MimeType = "application/json",
        Text = JsonSerializer.Serialize(await describer.DescribeWorkbookAsync(id, cancellationToken), DocumentJsonContext.Default.WorkbookDescription),
    };

    [McpServerResource(UriTemplate = "sigma://data-models/{id}", Name = "data-model", Title = "Sigma data model", MimeType = "application/json")]
    [Description("A data model's description (elements and columns) by id or urlId, as describe_data_model returns it.")]
    public async Task<TextResourceContents> DataModel(string id, CancellationToken cancellationToken) => new()
    {
        Uri = $"sigma://data-models/{id}",
        MimeType = "application/json",
        Text = JsonSerializer.Serialize(await describer.DescribeDataModelAsync(id, cancellationToken), DocumentJsonContext.Default.DataModelDescription),
    };
}
