namespace Sigma.Sandbox.Generation;

/// <summary>The who/when/where every generated document shares, drawn once per document.</summary>
internal readonly record struct DocumentStamp(
    string OwnerId,
    string UpdatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Path,
    string ParentId,
    string? Badge,
    bool IsArchived,
    string Permission);
