namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A data source of a workbook (<c>GET /v2/workbooks/{id}/sources</c> answers a bare array of these).</summary>
internal sealed record WorkbookSource(string Type, string? InodeId = null, string? DataModelId = null, string? DatasetId = null, string? Name = null, string? Path = null, string? ConnectionId = null);
