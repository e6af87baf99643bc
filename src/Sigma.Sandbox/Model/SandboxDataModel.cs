namespace Sigma.Sandbox.Model;

/// <summary>A data model. Its elements come from <see cref="SandboxData.GetDataModelElements"/>.</summary>
public sealed record SandboxDataModel : SandboxDocument
{
    public required int LatestVersion { get; init; }

    public IReadOnlyList<SandboxDataModelTag> Tags { get; init; } = [];

    /// <inheritdoc />
    public override string FileType => "data-model";
}
