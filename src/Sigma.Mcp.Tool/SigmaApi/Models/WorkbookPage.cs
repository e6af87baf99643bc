namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A page of a workbook.</summary>
internal sealed record WorkbookPage(string PageId, string? Name = null, bool? Hidden = null);
