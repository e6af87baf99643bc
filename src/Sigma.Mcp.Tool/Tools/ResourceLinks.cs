using ModelContextProtocol.Protocol;
using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Tools;

/// <summary>
/// MCP resource links to <c>sigma://workbooks/{id}</c> and <c>sigma://data-models/{id}</c> (served by
/// <c>SigmaResources</c>), so that a client that supports them can attach a document without another tool call.
/// </summary>
internal static class ResourceLinks
{
    public static IEnumerable<ResourceLinkBlock> For(IEnumerable<(string Id, string Type, string Name)> documents) =>
        documents
            .Where(d => d.Type is DocumentTypes.Workbook or DocumentTypes.DataModel)
            .DistinctBy(d => d.Id)
            .Select(d => For(d.Id, d.Type, d.Name));

    public static ResourceLinkBlock For(string id, string type, string name) => new()
    {
        Uri = type == DocumentTypes.DataModel ? $"sigma://data-models/{id}" : $"sigma://workbooks/{id}",
        Name = name,
        MimeType = "application/json",
    };
}
