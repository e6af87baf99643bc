namespace Sigma.Mcp.Tool.SigmaApi.Paging;

/// <summary>One page of a list: its entries and the opaque token of the next page (null on the last).</summary>
internal sealed record SigmaPage<T>(IReadOnlyList<T> Entries, string? NextToken);
