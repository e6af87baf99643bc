namespace Sigma.Mcp.Tool.Search;

/// <summary>Parses Sigma's badge strings.</summary>
internal static class BadgeKinds
{
    /// <summary>The badge named (case-insensitive), <see cref="BadgeKind.None"/> for null or anything else.</summary>
    public static BadgeKind Parse(string? badge) =>
        TryParse(badge, out var kind) ? kind : BadgeKind.None;

    public static bool TryParse(string? badge, out BadgeKind kind)
    {
        kind = badge?.Trim().ToUpperInvariant() switch
        {
            "ENDORSED" => BadgeKind.Endorsed,
            "WARNING" => BadgeKind.Warning,
            "DEPRECATED" => BadgeKind.Deprecated,
            _ => BadgeKind.None,
        };
        return kind != BadgeKind.None;
    }
}
