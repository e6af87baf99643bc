namespace Sigma.Sandbox.Corpus;

/// <summary>An element (workbook chart or table, data model or dataset table) of a <see cref="SandboxCorpusDocument"/>.</summary>
public sealed record SandboxCorpusElement(string Name, string Type, IReadOnlyList<string> Columns);
