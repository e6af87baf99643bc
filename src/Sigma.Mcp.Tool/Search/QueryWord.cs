namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// One word of a query and the index terms it matches, best first (empty when nothing in the index is close);
/// <paramref name="Source"/> is the position of the query token it comes from, <paramref name="Original"/> the
/// literal plan's word it stands for (-1 for none), so that a rewrite's matches count for the words the user typed.
/// </summary>
internal sealed record QueryWord(string Text, TermMatch[] Matches, int Source = 0, int Original = 0);
