namespace Sigma.Sandbox.Model;

/// <summary>A column of an element: <paramref name="Label"/> is the display name used as the export header.</summary>
public sealed record SandboxColumn(string ColumnId, string Label, string Formula, string Type);
