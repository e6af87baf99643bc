namespace Sigma.Sandbox.Model;

/// <summary>A workspace (top level) or a folder inside one.</summary>
public sealed record SandboxFolder : SandboxDocument
{
    public required bool IsWorkspace { get; init; }

    /// <summary>The folder's own path, e.g. <c>Finance/Executive</c>: what its children have as <see cref="SandboxDocument.Path"/>.</summary>
    public string FullPath => Path.Length == 0 ? Name : $"{Path}/{Name}";

    /// <inheritdoc />
    public override string FileType => IsWorkspace ? "workspace" : "folder";
}
