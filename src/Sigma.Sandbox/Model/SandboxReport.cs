namespace Sigma.Sandbox.Model;

/// <summary>A report.</summary>
public sealed record SandboxReport : SandboxDocument
{
    public required int LatestVersion { get; init; }

    /// <inheritdoc />
    public override string FileType => "report";
}
