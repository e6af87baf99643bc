namespace Sigma.Sandbox.Model;

/// <summary>A warehouse column: its name (e.g. <c>NET_REVENUE</c>) and Sigma type (<c>number</c>, <c>text</c>, <c>datetime</c>, <c>boolean</c>).</summary>
public sealed record SandboxTableColumn(string Name, string Type);
