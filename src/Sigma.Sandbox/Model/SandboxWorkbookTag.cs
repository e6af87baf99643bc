namespace Sigma.Sandbox.Model;

/// <summary>A version tag on a workbook (field names differ from <see cref="SandboxDataModelTag"/>, as in Sigma).</summary>
public sealed record SandboxWorkbookTag(
    string VersionTagId,
    string Name,
    int SourceWorkbookVersion,
    string TaggedWorkbookId,
    DateTimeOffset WorkbookTaggedAt);
