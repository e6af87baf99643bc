namespace Sigma.Mcp.Tool.Search;

/// <summary>A document's badge, parsed once at build time.</summary>
internal enum BadgeKind : byte
{
    None,
    Endorsed,
    Warning,
    Deprecated,
}
