using Sigma.Sandbox.Model;

namespace Sigma.Sandbox.Generation;

/// <summary>
/// Workspaces and folders by full path, creating missing ones on demand (<c>Finance/Executive</c> makes the
/// workspace <c>Finance</c> and the folder <c>Executive</c>). Used by generation and by test mutations.
/// </summary>
internal sealed class FolderTree
{
    private readonly Dictionary<string, SandboxFolder> _byPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SandboxFolder> _ordered = [];
    private readonly Func<string, SandboxFolder?, SandboxFolder> _create;

    /// <param name="existing">Folders already known.</param>
    /// <param name="create">Makes (and stores) a new folder named so under the given parent (null for a workspace).</param>
    public FolderTree(IEnumerable<SandboxFolder> existing, Func<string, SandboxFolder?, SandboxFolder> create)
    {
        _create = create;
        foreach (SandboxFolder folder in existing)
        {
            _byPath[folder.FullPath] = folder;
            _ordered.Add(folder);
        }
    }

    /// <summary>Every folder, in creation order.</summary>
    public IReadOnlyList<SandboxFolder> All => _ordered;

    public SandboxFolder Ensure(string path)
    {
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new ArgumentException("A path needs at least a workspace name.", nameof(path));
        }

        SandboxFolder? current = null;
        foreach (string part in parts)
        {
            string full = current is null ? part : $"{current.FullPath}/{part}";
            if (!_byPath.TryGetValue(full, out SandboxFolder? next))
            {
                next = _create(part, current);
                _byPath[full] = next;
                _ordered.Add(next);
            }

            current = next;
        }

        return current!;
    }

    /// <summary>The folders directly inside a workspace.</summary>
    public List<SandboxFolder> ChildrenOf(SandboxFolder parent) => [.. _ordered.Where(f => f.ParentId == parent.Id)];
}
