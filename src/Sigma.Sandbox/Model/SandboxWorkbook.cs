namespace Sigma.Sandbox.Model;

/// <summary>A workbook as <c>/v2/workbooks</c> describes it. Pages and elements come from <see cref="SandboxData.GetPages"/>.</summary>
public sealed record SandboxWorkbook : SandboxDocument
{
    public required int LatestVersion { get; init; }

    public IReadOnlyList<SandboxWorkbookTag> Tags { get; init; } = [];

    /// <inheritdoc />
    public override string FileType => "workbook";
}
