namespace Sigma.Sandbox.Model;

/// <summary>A workbook control, e.g. <c>p_date_range</c> of value type <c>date-range</c>.</summary>
public sealed record SandboxControl(string ControlId, string Name, string ValueType);
