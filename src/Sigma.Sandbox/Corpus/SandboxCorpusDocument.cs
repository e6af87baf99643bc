namespace Sigma.Sandbox.Corpus;

/// <summary>
/// One document of a <see cref="SandboxCorpus"/>: <c>Type</c> is <c>workbook</c>, <c>data-model</c> or <c>dataset</c>;
/// <c>Owner</c> a full name (the sandbox makes one member per distinct owner); <c>Path</c> the workspace and folders.
/// </summary>
public sealed record SandboxCorpusDocument(
    string Id,
    string Type,
    string Name,
    string? Description,
    string Path,
    string Owner,
    string? Badge,
    DateTimeOffset UpdatedAt,
    bool IsArchived,
    IReadOnlyList<SandboxCorpusElement> Elements);
