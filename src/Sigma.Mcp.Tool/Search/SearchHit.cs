using Sigma.Mcp.Tool.Caching;

namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// One result. For a document search, <paramref name="Element"/> is the best matching element when some query word
/// matched only through an element or column; for an element search it is the element found, and
/// <paramref name="Document"/> its workbook or data model (a workbook element's page is <see cref="CachedElement.PageId"/>).
/// </summary>
/// <param name="Document">The document found, or the one holding the element found.</param>
/// <param name="Element">The element found or best matching, if any.</param>
/// <param name="Score">Higher is better; comparable within one search only.</param>
/// <param name="MatchedField"><c>name</c>, <c>description</c>, <c>path</c>, <c>tag</c>, <c>owner</c>, <c>element</c> or <c>column</c>: where most of the score came from.</param>
/// <param name="MatchedText">The text that matched there: the name, the tag, the column name, …</param>
internal sealed record SearchHit(CachedDocument Document, double Score, CachedElement? Element, string MatchedField, string? MatchedText);
