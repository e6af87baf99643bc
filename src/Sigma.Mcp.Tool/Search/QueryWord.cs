namespace Sigma.Mcp.Tool.Search;

/// <summary>One word of a query and the index terms it matches, best first; empty when nothing in the index is close.</summary>
internal sealed record QueryWord(string Text, TermMatch[] Matches);
