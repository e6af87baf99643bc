namespace Sigma.Sandbox.Paging;

/// <summary>One page of results; <see cref="NextToken"/> is null on the last page.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Entries, string? NextToken, int Total);
