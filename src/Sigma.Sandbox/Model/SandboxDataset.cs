namespace Sigma.Sandbox.Model;

/// <summary>A legacy dataset. On the wire its owner field is <c>owner</c>, not <c>ownerId</c>.</summary>
public sealed record SandboxDataset : SandboxDocument
{
    public required int ReferenceCount { get; init; }

    /// <summary><c>migrated</c>, <c>not-migrated</c> or <c>not-required</c>.</summary>
    public required string MigrationStatus { get; init; }

    /// <summary>The data model it was migrated to, when <see cref="MigrationStatus"/> is <c>migrated</c>.</summary>
    public string? MigratedToDataModelId { get; init; }

    public DateTimeOffset? MigratedAt { get; init; }

    /// <inheritdoc />
    public override string FileType => "dataset";
}
