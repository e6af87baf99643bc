namespace Sigma.Mcp.Tool.Search;

/// <summary>A term of the index that a query word matches, and how well (1 exact, less for a prefix or a typo).</summary>
internal readonly record struct TermMatch(int TermId, float Quality);
