namespace Sigma.Mcp.Tool.Search;

/// <summary>What stays the same across one search call's plans: the index, the compiled filters, the limit and the working memory.</summary>
internal sealed record SearchContext(IndexContent Index, DocumentFilter Filter, int Limit, SearchScratch Scratch);
