namespace Sigma.Sandbox.Model;

/// <summary>A warehouse connection and the tables the sandbox knows in it.</summary>
public sealed record SandboxConnection(
    string ConnectionId,
    string Name,
    string Type,
    bool IsArchived,
    DateTimeOffset CreatedAt,
    IReadOnlyList<SandboxTable> Tables);
