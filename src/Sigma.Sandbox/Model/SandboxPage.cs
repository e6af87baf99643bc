namespace Sigma.Sandbox.Model;

/// <summary>A workbook page and its elements, in display order.</summary>
public sealed record SandboxPage(string PageId, string Name, bool Hidden, IReadOnlyList<SandboxElement> Elements);
