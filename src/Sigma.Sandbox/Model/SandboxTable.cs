namespace Sigma.Sandbox.Model;

/// <summary>
/// A warehouse table. <paramref name="InodeId"/> is what <c>/v2/connections/tables/{inodeId}/columns</c> takes;
/// every table has 150+ columns so that a reader that ignores <c>nextPageToken</c> visibly stops at one page.
/// </summary>
public sealed record SandboxTable(
    string InodeId,
    string ConnectionId,
    string Name,
    string Path,
    IReadOnlyList<SandboxTableColumn> Columns);
