namespace Sigma.Mcp.Tool.Search;

/// <summary>A hit of one query plan: the hit, its document or element number, and the literal query's words it matched.</summary>
internal readonly record struct RankedHit(SearchHit Hit, int Number, byte Words);
