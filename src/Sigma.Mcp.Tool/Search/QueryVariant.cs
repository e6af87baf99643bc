namespace Sigma.Mcp.Tool.Search;

/// <summary>A rewritten query: its tokens, and per token the position in the original query's tokens it stands for.</summary>
internal sealed record QueryVariant(string[] Tokens, int[] Source);
