namespace Sigma.Mcp.Tool.Search;

/// <summary>
/// What ranking and filtering need to know about a document, packed (24 bytes) so that the final pass over the
/// matched documents reads one small array instead of the documents themselves.
/// </summary>
/// <param name="Type">Index into <see cref="Caching.DocumentTypes.All"/>, or <see cref="byte.MaxValue"/> for another type.</param>
/// <param name="Badge">The parsed badge.</param>
/// <param name="IsArchived">Archived documents are found only when asked for.</param>
/// <param name="NameTokens">Tokens in the name, stop words included (capped at 255).</param>
/// <param name="Owner">Index into the index's distinct owners.</param>
/// <param name="Path">Index into the index's distinct paths.</param>
/// <param name="UpdatedTicks">The update time, UTC ticks.</param>
internal readonly record struct DocumentFacts(
    byte Type, BadgeKind Badge, bool IsArchived, byte NameTokens, int Owner, int Path, long UpdatedTicks);
