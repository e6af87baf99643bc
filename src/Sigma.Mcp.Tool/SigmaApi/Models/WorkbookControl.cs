namespace Sigma.Mcp.Tool.SigmaApi.Models;

/// <summary>A control of a workbook: what <c>parameters</c> in an export can set.</summary>
internal sealed record WorkbookControl(string? ControlId, string Name, string? ValueType = null);
